/* osl-application.c: one instance, its actions and its settings
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>

#include "osl-application.h"
#include "osl-preferences-window.h"
#include "osl-style.h"
#include "osl-window.h"

struct _OslApplication
{
  GtkApplication  parent_instance;
  GSettings      *settings;
  OslStyle       *style;
};

G_DEFINE_FINAL_TYPE (OslApplication, osl_application, GTK_TYPE_APPLICATION)

static OslWindow *
get_or_create_window (OslApplication *self)
{
  GtkWindow *window = gtk_application_get_active_window (GTK_APPLICATION (self));

  if (window == NULL)
    window = GTK_WINDOW (osl_window_new (self));
  return OSL_WINDOW (window);
}

static void
quit_activated_cb (GSimpleAction *action,
                   GVariant      *parameter,
                   gpointer       user_data)
{
  OslApplication *self = user_data;
  GList *windows = gtk_application_get_windows (GTK_APPLICATION (self));

  /* Close windows rather than quit outright, so each saves its state. */
  for (GList *l = windows; l != NULL; l = l->next)
    gtk_window_close (l->data);
}

static void
about_activated_cb (GSimpleAction *action,
                    GVariant      *parameter,
                    gpointer       user_data)
{
  OslApplication *self = user_data;
  static const char *authors[] = { "The OS Lens developers", NULL };

  gtk_show_about_dialog (gtk_application_get_active_window (GTK_APPLICATION (self)),
                         "program-name", _("OS Lens"),
                         "logo-icon-name", APP_ID,
                         "version", PACKAGE_VERSION,
                         "comments", _("See virtualization and containers at work: "
                                       "process scheduling, page-table walks, "
                                       "VM and container stacks, and flashcards "
                                       "for the lecture."),
                         "website", "https://github.com/oslens/OSLens",
                         "license-type", GTK_LICENSE_GPL_3_0,
                         "authors", authors,
                         /* Translators: put your names here, one per line */
                         "translator-credits", _("translator-credits"),
                         NULL);
}

static void
preferences_activated_cb (GSimpleAction *action,
                          GVariant      *parameter,
                          gpointer       user_data)
{
  OslApplication *self = user_data;
  GtkWindow *parent = gtk_application_get_active_window (GTK_APPLICATION (self));

  gtk_window_present (GTK_WINDOW (osl_preferences_window_new (parent, self->settings)));
}

static const GActionEntry app_actions[] = {
  { "quit", quit_activated_cb },
  { "about", about_activated_cb },
  { "preferences", preferences_activated_cb },
};

static const struct
{
  const char *action;
  const char *accels[4];
} app_accels[] = {
  { "app.quit", { "<Control>q", NULL } },
  { "app.preferences", { "<Control>comma", NULL } },
  { "win.show-help-overlay", { "<Control>question", "<Control>F1", NULL } },
  { "win.zoom-in", { "<Control>plus", "<Control>equal", "<Control>KP_Add", NULL } },
  { "win.zoom-out", { "<Control>minus", "<Control>KP_Subtract", NULL } },
  { "win.zoom-reset", { "<Control>0", "<Control>KP_0", NULL } },
  { "win.fullscreen", { "F11", NULL } },
  { "win.export", { "<Control>e", NULL } },
  { "win.open", { "<Control>o", NULL } },
  { "win.save", { "<Control>s", NULL } },
  { "win.close", { "<Control>w", NULL } },
  { "win.page::scheduling", { "<Alt>1", NULL } },
  { "win.page::memory", { "<Alt>2", NULL } },
  { "win.page::containers", { "<Alt>3", NULL } },
  { "win.page::flashcards", { "<Alt>4", NULL } },
};

static void
osl_application_startup (GApplication *application)
{
  OslApplication *self = OSL_APPLICATION (application);
  GAction *theme_action;

  /* Without a resource base path GTK does not build the shortcuts window
   * for every new window, a quarter of building the window; the window
   * builds it when first asked for (the path has no menus or icons). */
  g_application_set_resource_base_path (application, NULL);
  G_APPLICATION_CLASS (osl_application_parent_class)->startup (application);

  g_set_application_name (_("OS Lens"));
  gtk_window_set_default_icon_name (APP_ID);

  self->settings = g_settings_new (APP_ID);
  self->style = osl_style_new (self->settings);

  g_action_map_add_action_entries (G_ACTION_MAP (self), app_actions,
                                   G_N_ELEMENTS (app_actions), self);
  theme_action = g_settings_create_action (self->settings, "theme");
  g_action_map_add_action (G_ACTION_MAP (self), theme_action);
  g_object_unref (theme_action);

  for (guint i = 0; i < G_N_ELEMENTS (app_accels); i++)
    gtk_application_set_accels_for_action (GTK_APPLICATION (self),
                                           app_accels[i].action,
                                           app_accels[i].accels);
}

static void
first_frame_painted_cb (GdkFrameClock *clock,
                        gpointer       user_data)
{
  OslApplication *self = user_data;
  gint64 start = GPOINTER_TO_SIZE (g_object_get_data (G_OBJECT (self), "start-time"));

  g_signal_handlers_disconnect_by_func (clock, first_frame_painted_cb, self);
  g_print ("first frame after %.1f ms\n", (g_get_monotonic_time () - start) / 1000.0);
  g_application_quit (G_APPLICATION (self));
}

/* For the start-up benchmark: OS_LENS_MEASURE_STARTUP=1 prints the time
 * from start-up to the window's first painted frame, then quits. */
static void
measure_first_frame (OslApplication *self,
                     GtkWidget      *window)
{
  GdkFrameClock *clock;

  if (g_getenv ("OS_LENS_MEASURE_STARTUP") == NULL)
    return;
  gtk_widget_realize (window);
  clock = gtk_widget_get_frame_clock (window);
  g_signal_connect (clock, "after-paint", G_CALLBACK (first_frame_painted_cb), self);
}

static void
osl_application_activate (GApplication *application)
{
  OslApplication *self = OSL_APPLICATION (application);
  GtkWindow *window = GTK_WINDOW (get_or_create_window (self));

  measure_first_frame (self, GTK_WIDGET (window));
  gtk_window_present (window);
}

static void
osl_application_open (GApplication  *application,
                      GFile        **files,
                      int            n_files,
                      const char    *hint)
{
  OslWindow *window = get_or_create_window (OSL_APPLICATION (application));

  for (int i = 0; i < n_files; i++)
    osl_window_open_file (window, files[i]);
  gtk_window_present (GTK_WINDOW (window));
}

static int
osl_application_handle_local_options (GApplication *application,
                                      GVariantDict *options)
{
  if (g_variant_dict_contains (options, "version"))
    {
      g_print ("os-lens %s\n", PACKAGE_VERSION);
      return 0;
    }
  return -1;
}

static void
osl_application_dispose (GObject *object)
{
  OslApplication *self = OSL_APPLICATION (object);

  g_clear_object (&self->style);
  g_clear_object (&self->settings);
  G_OBJECT_CLASS (osl_application_parent_class)->dispose (object);
}

static void
osl_application_class_init (OslApplicationClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GApplicationClass *app_class = G_APPLICATION_CLASS (klass);

  object_class->dispose = osl_application_dispose;

  app_class->startup = osl_application_startup;
  app_class->activate = osl_application_activate;
  app_class->open = osl_application_open;
  app_class->handle_local_options = osl_application_handle_local_options;
}

static void
osl_application_init (OslApplication *self)
{
  /* Start-up is measured from here, the first thing main() does. */
  g_object_set_data (G_OBJECT (self), "start-time", GSIZE_TO_POINTER (g_get_monotonic_time ()));
  static const GOptionEntry options[] = {
    { "version", 0, 0, G_OPTION_ARG_NONE, NULL, N_("Show the version and exit"), NULL },
    { NULL }
  };

  g_application_add_main_option_entries (G_APPLICATION (self), options);
}

OslApplication *
osl_application_new (void)
{
  return g_object_new (OSL_TYPE_APPLICATION,
                       "application-id", APP_ID,
                       "flags", G_APPLICATION_HANDLES_OPEN,
                       NULL);
}

GSettings *
osl_application_get_settings (OslApplication *self)
{
  g_return_val_if_fail (OSL_IS_APPLICATION (self), NULL);
  return self->settings;
}
