/* osl-export-dialog.c: save the visible diagram as PNG, SVG or PDF
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>

#include "osl-export-dialog.h"
#include "osl-painter.h"
#include "osl-window.h"

struct _OslExportDialog
{
  GtkWindow    parent_instance;

  OslPage     *page;
  char        *page_name;

  GtkDropDown *format_dropdown;
  GtkDropDown *size_dropdown;
  GtkDropDown *theme_dropdown;
};

G_DEFINE_FINAL_TYPE (OslExportDialog, osl_export_dialog, GTK_TYPE_WINDOW)

static const char *extensions[] = { "png", "svg", "pdf" };
static const int sizes[][2] = { { 1280, 720 }, { 1920, 1080 }, { 2560, 1440 }, { 3840, 2160 }, { 1600, 1200 } };

static OslTheme *
create_export_theme (OslExportDialog *self)
{
  static const OslThemeVariant variants[] = {
    OSL_THEME_VARIANT_LIGHT, OSL_THEME_VARIANT_LIGHT, OSL_THEME_VARIANT_DARK,
    OSL_THEME_VARIANT_HIGH_CONTRAST_LIGHT
  };
  guint choice = gtk_drop_down_get_selected (self->theme_dropdown);

  if (choice == 0 || choice >= G_N_ELEMENTS (variants))
    return osl_theme_new (osl_theme_get_variant (osl_theme_get_default ()), 1.0);
  return osl_theme_new (variants[choice], 1.0);
}

static gboolean
export_to (OslExportDialog  *self,
           const char       *path,
           GError          **error)
{
  guint size = MIN (gtk_drop_down_get_selected (self->size_dropdown), G_N_ELEMENTS (sizes) - 1);
  int width = sizes[size][0], height = sizes[size][1];
  double scale = osl_painter_export_scale (width);
  g_autoptr(OslTheme) theme = create_export_theme (self);
  g_autoptr(OslScene) scene = osl_page_build_scene (self->page, width / scale, height / scale);

  if (scene == NULL)
    {
      g_set_error (error, OSL_PAINTER_ERROR, OSL_PAINTER_ERROR_FORMAT,
                   _("This view has no diagram to export."));
      return FALSE;
    }
  return osl_painter_export (scene, theme, path, width, height, error);
}

static void
save_response_cb (GtkNativeDialog *dialog,
                  int              response,
                  gpointer         user_data)
{
  g_autoptr(OslExportDialog) self = user_data;
  GtkWindow *parent = gtk_window_get_transient_for (GTK_WINDOW (self));

  if (response == GTK_RESPONSE_ACCEPT)
    {
      g_autoptr(GFile) file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (dialog));
      g_autofree char *path = g_file_get_path (file);
      g_autofree char *name = g_file_get_basename (file);
      g_autofree char *message = NULL;
      g_autoptr(GError) error = NULL;

      if (path != NULL && export_to (self, path, &error))
        message = g_strdup_printf (_("Exported the diagram to “%s”."), name);
      else
        message = g_strdup_printf (_("Could not export “%s”: %s"), name,
                                   error != NULL ? error->message : _("the location is not a local file"));
      if (OSL_IS_WINDOW (parent))
        osl_window_show_toast (OSL_WINDOW (parent), message);
      gtk_window_destroy (GTK_WINDOW (self));
    }
  g_object_unref (dialog);
}

static void
export_clicked_cb (OslExportDialog *self)
{
  guint format = MIN (gtk_drop_down_get_selected (self->format_dropdown), G_N_ELEMENTS (extensions) - 1);
  g_autofree char *suggestion = g_strdup_printf ("%s.%s", self->page_name, extensions[format]);
  GtkFileChooserNative *chooser;

  chooser = gtk_file_chooser_native_new (_("Export Diagram"), GTK_WINDOW (self),
                                         GTK_FILE_CHOOSER_ACTION_SAVE, _("_Export"), _("_Cancel"));
  gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (chooser), suggestion);
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (chooser), TRUE);
  g_signal_connect (chooser, "response", G_CALLBACK (save_response_cb), g_object_ref (self));
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (chooser));
}

static void
osl_export_dialog_dispose (GObject *object)
{
  OslExportDialog *self = OSL_EXPORT_DIALOG (object);

  gtk_widget_dispose_template (GTK_WIDGET (self), OSL_TYPE_EXPORT_DIALOG);
  g_clear_object (&self->page);
  g_clear_pointer (&self->page_name, g_free);
  G_OBJECT_CLASS (osl_export_dialog_parent_class)->dispose (object);
}

static void
osl_export_dialog_class_init (OslExportDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = osl_export_dialog_dispose;

  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/oslens/OSLens/ui/osl-export-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, OslExportDialog, format_dropdown);
  gtk_widget_class_bind_template_child (widget_class, OslExportDialog, size_dropdown);
  gtk_widget_class_bind_template_child (widget_class, OslExportDialog, theme_dropdown);
  gtk_widget_class_bind_template_callback (widget_class, export_clicked_cb);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
osl_export_dialog_init (OslExportDialog *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

OslExportDialog *
osl_export_dialog_new (GtkWindow  *parent,
                       OslPage    *page,
                       const char *page_name)
{
  OslExportDialog *self = g_object_new (OSL_TYPE_EXPORT_DIALOG, "transient-for", parent, NULL);

  self->page = g_object_ref (page);
  self->page_name = g_strdup (page_name);
  return self;
}
