/* osl-view-page.c: a page that shows a registered view's scene
 *
 * Used for a view whose own page has not been built yet: it shows the
 * same scene that `os-lens-cli render --view NAME` draws.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "osl-diagram-view.h"
#include "osl-page.h"
#include "osl-view-page.h"
#include "osl-view-registry.h"

struct _OslViewPage
{
  GtkWidget          parent_instance;
  const OslViewInfo *view;
  GtkWidget         *diagram;
};

static void osl_view_page_iface_init (OslPageInterface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (OslViewPage, osl_view_page, GTK_TYPE_WIDGET,
                               G_IMPLEMENT_INTERFACE (OSL_TYPE_PAGE, osl_view_page_iface_init))

static OslScene *
build_scene (double   width,
             double   height,
             gpointer user_data)
{
  OslViewPage *self = user_data;

  return self->view->build (NULL, width, height, NULL);
}

static OslScene *
osl_view_page_build_scene (OslPage *page,
                           double   width,
                           double   height)
{
  return build_scene (width, height, page);
}

static void
osl_view_page_iface_init (OslPageInterface *iface)
{
  iface->build_scene = osl_view_page_build_scene;
}

static void
osl_view_page_dispose (GObject *object)
{
  OslViewPage *self = OSL_VIEW_PAGE (object);

  g_clear_pointer (&self->diagram, gtk_widget_unparent);
  G_OBJECT_CLASS (osl_view_page_parent_class)->dispose (object);
}

static void
osl_view_page_class_init (OslViewPageClass *klass)
{
  G_OBJECT_CLASS (klass)->dispose = osl_view_page_dispose;
  gtk_widget_class_set_layout_manager_type (GTK_WIDGET_CLASS (klass), GTK_TYPE_BIN_LAYOUT);
}

static void
osl_view_page_init (OslViewPage *self)
{
  self->diagram = osl_diagram_view_new ();
  gtk_widget_set_parent (self->diagram, GTK_WIDGET (self));
}

GtkWidget *
osl_view_page_new (const char *view_name)
{
  OslViewPage *self = g_object_new (OSL_TYPE_VIEW_PAGE, NULL);

  self->view = osl_view_registry_lookup (view_name);
  g_return_val_if_fail (self->view != NULL, GTK_WIDGET (self));
  osl_diagram_view_set_builder (OSL_DIAGRAM_VIEW (self->diagram), build_scene, self, NULL);
  return GTK_WIDGET (self);
}
