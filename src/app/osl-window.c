/* osl-window.c: the main window, its four pages and presentation mode
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>
#include <json-glib/json-glib.h>
#include <math.h>

#include "osl-export-dialog.h"
#include "osl-flashcards-page.h"
#include "osl-memory-page.h"
#include "osl-sched-page.h"
#include "osl-page.h"
#include "osl-theme.h"
#include "osl-view-page.h"
#include "osl-window.h"

/* containers */
#include "osl-containers-page.h"

#define ZOOM_STEP 1.1
#define TOAST_SECONDS 6

struct _OslWindow
{
  GtkApplicationWindow  parent_instance;

  GSettings            *settings;
  guint                 toast_timeout_id;

  /* Template widgets */
  GtkStack             *stack;
  GtkButton            *zoom_button;
  GtkWidget            *zoom_box;
  GtkMenuButton        *menu_button;
  GtkRevealer          *toast_revealer;
  GtkLabel             *toast_label;
};

G_DEFINE_FINAL_TYPE (OslWindow, osl_window, GTK_TYPE_APPLICATION_WINDOW)

typedef GtkWidget *(*PageNewFunc) (void);

/* The four views, in the order of the lecture. A view whose own page is
 * not written yet (create == NULL) shows its registered scene. */
static const struct
{
  const char  *name;
  const char  *title;
  PageNewFunc  create;
} pages[] = {
  /* scheduling */
  { "scheduling", N_("Scheduling"), osl_sched_page_new },

  /* memory */
  { "memory", N_("Memory"), osl_memory_page_new },

  /* containers */
  { "containers", N_("VMs & Containers"), osl_containers_page_new },

  /* flashcards */
  { "flashcards", N_("Flashcards"), osl_flashcards_page_new },
};

/* Each view has a slot in the stack from the start (an overlay with
 * nothing over it: the plain one-child container), so the view switcher
 * shows all four, but a view is built only when it is first shown or
 * asked for: start-up builds just the one on screen. */
static GtkWidget *
new_page (const char *name)
{
  for (guint i = 0; i < G_N_ELEMENTS (pages); i++)
    if (g_str_equal (pages[i].name, name))
      return pages[i].create != NULL ? pages[i].create () : osl_view_page_new (name);
  g_return_val_if_reached (NULL);
}

static GtkWidget *
slot_get_page (OslWindow *self,
               GtkWidget *slot)
{
  GtkOverlay *overlay = GTK_OVERLAY (slot);

  if (gtk_overlay_get_child (overlay) == NULL)
    gtk_overlay_set_child (overlay, new_page (gtk_stack_page_get_name (gtk_stack_get_page (self->stack, slot))));
  return gtk_overlay_get_child (overlay);
}

static void
add_slot (OslWindow  *self,
          GtkWidget  *page,
          const char *name,
          const char *title)
{
  GtkWidget *slot = gtk_overlay_new ();

  gtk_overlay_set_child (GTK_OVERLAY (slot), page);
  gtk_stack_add_titled (self->stack, slot, name, title);
}

static OslPage *
visible_page (OslWindow *self)
{
  GtkWidget *slot = gtk_stack_get_visible_child (self->stack);
  GtkWidget *page = slot != NULL ? slot_get_page (self, slot) : NULL;

  return page != NULL && OSL_IS_PAGE (page) ? OSL_PAGE (page) : NULL;
}

static void
add_pages (OslWindow *self)
{
  for (guint i = 0; i < G_N_ELEMENTS (pages); i++)
    add_slot (self, NULL, pages[i].name, _(pages[i].title));
}

static gboolean
hide_toast_cb (gpointer user_data)
{
  OslWindow *self = user_data;

  gtk_revealer_set_reveal_child (self->toast_revealer, FALSE);
  self->toast_timeout_id = 0;
  return G_SOURCE_REMOVE;
}

static void
toast_close_clicked_cb (OslWindow *self)
{
  g_clear_handle_id (&self->toast_timeout_id, g_source_remove);
  hide_toast_cb (self);
}

/* Text entries, lists and sliders keep their own arrow, space and Home
 * keys; the presenter keys must not steal them. */
static gboolean
focus_wants_keys (OslWindow *self)
{
  GtkWidget *focus = gtk_root_get_focus (GTK_ROOT (self));
  const GType types[] = {
    GTK_TYPE_EDITABLE, GTK_TYPE_TEXT_VIEW, GTK_TYPE_LIST_VIEW,
    GTK_TYPE_COLUMN_VIEW, GTK_TYPE_RANGE, GTK_TYPE_DROP_DOWN,
  };

  for (GtkWidget *w = focus; w != NULL; w = gtk_widget_get_parent (w))
    for (guint i = 0; i < G_N_ELEMENTS (types); i++)
      if (g_type_is_a (G_OBJECT_TYPE (w), types[i]))
        return TRUE;
  return FALSE;
}

typedef enum
{
  PRESENTER_NEXT,
  PRESENTER_PREVIOUS,
  PRESENTER_PLAY_PAUSE,
  PRESENTER_RESTART,
} PresenterAction;

typedef struct
{
  const char      *trigger;
  PresenterAction  action;
  gboolean         always;   /* even when a text field has the focus */
} PresenterShortcut;

/* What a clicker sends, and the keys a presenter expects at a laptop. */
static const PresenterShortcut presenter_shortcuts[] = {
  { "Page_Down", PRESENTER_NEXT, TRUE },
  { "Page_Up", PRESENTER_PREVIOUS, TRUE },
  { "Right", PRESENTER_NEXT, FALSE },
  { "Left", PRESENTER_PREVIOUS, FALSE },
  { "space", PRESENTER_PLAY_PAUSE, FALSE },
  { "Home", PRESENTER_RESTART, FALSE },
};

static gboolean
presenter_key_cb (GtkWidget *widget,
                  GVariant  *args,
                  gpointer   user_data)
{
  const PresenterShortcut *shortcut = user_data;
  OslWindow *self = OSL_WINDOW (widget);
  OslPage *page = visible_page (self);

  if (page == NULL || (!shortcut->always && focus_wants_keys (self)))
    return FALSE;
  switch (shortcut->action)
    {
    case PRESENTER_NEXT:
      osl_page_step_forward (page);
      break;
    case PRESENTER_PREVIOUS:
      osl_page_step_back (page);
      break;
    case PRESENTER_PLAY_PAUSE:
      osl_page_play_pause (page);
      break;
    case PRESENTER_RESTART:
      osl_page_restart (page);
      break;
    default:
      g_assert_not_reached ();
    }
  return TRUE;
}

static gboolean
leave_fullscreen_cb (GtkWidget *widget,
                     GVariant  *args,
                     gpointer   user_data)
{
  if (!gtk_window_is_fullscreen (GTK_WINDOW (widget)))
    return FALSE;
  gtk_window_unfullscreen (GTK_WINDOW (widget));
  return TRUE;
}

static void
add_shortcut (GtkShortcutController *controller,
              const char            *trigger,
              GtkShortcutFunc        callback,
              gconstpointer          data)
{
  gtk_shortcut_controller_add_shortcut (controller,
                                        gtk_shortcut_new (gtk_shortcut_trigger_parse_string (trigger),
                                                          gtk_callback_action_new (callback, (gpointer) data, NULL)));
}

/* Capture phase, so a clicker's PageDown reaches the view even when a
 * scrolled text or a list has the focus. */
static void
add_presenter_keys (OslWindow *self)
{
  GtkEventController *controller = gtk_shortcut_controller_new ();
  GtkShortcutController *shortcuts = GTK_SHORTCUT_CONTROLLER (controller);

  gtk_event_controller_set_propagation_phase (controller, GTK_PHASE_CAPTURE);
  for (guint i = 0; i < G_N_ELEMENTS (presenter_shortcuts); i++)
    add_shortcut (shortcuts, presenter_shortcuts[i].trigger, presenter_key_cb, &presenter_shortcuts[i]);
  add_shortcut (shortcuts, "Escape", leave_fullscreen_cb, NULL);
  gtk_widget_add_controller (GTK_WIDGET (self), controller);
}

static void
update_zoom_label (OslWindow *self)
{
  g_autofree char *label = g_strdup_printf ("%.0f %%", g_settings_get_double (self->settings, "zoom") * 100);

  gtk_button_set_label (self->zoom_button, label);
}

static void
set_zoom (OslWindow *self,
          double     zoom)
{
  /* Snap to whole percent so repeated steps land back on 100 %. */
  zoom = round (CLAMP (zoom, OSL_THEME_ZOOM_MIN, OSL_THEME_ZOOM_MAX) * 100) / 100;
  g_settings_set_double (self->settings, "zoom", zoom);
}

static void
zoom_in_action (GtkWidget  *widget,
                const char *action_name,
                GVariant   *parameter)
{
  OslWindow *self = OSL_WINDOW (widget);

  set_zoom (self, g_settings_get_double (self->settings, "zoom") * ZOOM_STEP);
}

static void
zoom_out_action (GtkWidget  *widget,
                 const char *action_name,
                 GVariant   *parameter)
{
  OslWindow *self = OSL_WINDOW (widget);

  set_zoom (self, g_settings_get_double (self->settings, "zoom") / ZOOM_STEP);
}

static void
zoom_reset_action (GtkWidget  *widget,
                   const char *action_name,
                   GVariant   *parameter)
{
  set_zoom (OSL_WINDOW (widget), 1.0);
}

static void
fullscreen_action (GtkWidget  *widget,
                   const char *action_name,
                   GVariant   *parameter)
{
  GtkWindow *window = GTK_WINDOW (widget);

  if (gtk_window_is_fullscreen (window))
    gtk_window_unfullscreen (window);
  else
    gtk_window_fullscreen (window);
}

static void
page_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  osl_window_set_visible_page (OSL_WINDOW (widget), g_variant_get_string (parameter, NULL));
}

static void
export_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  OslWindow *self = OSL_WINDOW (widget);
  OslPage *page = visible_page (self);

  if (page == NULL)
    return;
  gtk_window_present (GTK_WINDOW (osl_export_dialog_new (GTK_WINDOW (self), page,
                                                         gtk_stack_get_visible_child_name (self->stack))));
}

static void
open_response_cb (GtkNativeDialog *dialog,
                  int              response,
                  gpointer         user_data)
{
  OslWindow *self = user_data;

  if (response == GTK_RESPONSE_ACCEPT)
    {
      g_autoptr(GFile) file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (dialog));
      osl_window_open_file (self, file);
    }
  g_object_unref (dialog);
}

static void
open_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  GtkFileChooserNative *dialog;
  GtkFileFilter *filter = gtk_file_filter_new ();

  gtk_file_filter_set_name (filter, _("OS Lens files, decks and Anki text exports"));
  gtk_file_filter_add_suffix (filter, "json");
  gtk_file_filter_add_suffix (filter, "csv");
  gtk_file_filter_add_suffix (filter, "tsv");
  gtk_file_filter_add_suffix (filter, "txt");
  dialog = gtk_file_chooser_native_new (_("Open"), GTK_WINDOW (widget),
                                        GTK_FILE_CHOOSER_ACTION_OPEN, _("_Open"), _("_Cancel"));
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (dialog), filter);
  g_object_unref (filter);
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (dialog), TRUE);
  g_signal_connect (dialog, "response", G_CALLBACK (open_response_cb), widget);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (dialog));
}

static void
save_response_cb (GtkNativeDialog *dialog,
                  int              response,
                  gpointer         user_data)
{
  OslWindow *self = user_data;
  OslPage *page = visible_page (self);

  if (response == GTK_RESPONSE_ACCEPT && page != NULL)
    {
      g_autoptr(GFile) file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (dialog));
      g_autoptr(GError) error = NULL;
      g_autofree char *name = g_file_get_basename (file);
      g_autofree char *message = NULL;

      if (osl_page_save_file (page, file, &error))
        message = g_strdup_printf (_("Saved “%s”."), name);
      else
        message = g_strdup_printf (_("Could not save “%s”: %s"), name, error->message);
      osl_window_show_toast (self, message);
    }
  g_object_unref (dialog);
}

static void
save_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  OslWindow *self = OSL_WINDOW (widget);
  OslPage *page = visible_page (self);
  GtkFileChooserNative *dialog;
  g_autofree char *suggestion = NULL;

  if (page == NULL || !osl_page_can_save (page))
    {
      osl_window_show_toast (self, _("This view has nothing to save; use Export to save its diagram."));
      return;
    }
  dialog = gtk_file_chooser_native_new (_("Save As"), GTK_WINDOW (self),
                                        GTK_FILE_CHOOSER_ACTION_SAVE, _("_Save"), _("_Cancel"));
  suggestion = g_strdup_printf ("%s.json", gtk_stack_get_visible_child_name (self->stack));
  gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (dialog), suggestion);
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (dialog), TRUE);
  g_signal_connect (dialog, "response", G_CALLBACK (save_response_cb), self);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (dialog));
}

static void
show_help_overlay_action (GtkWidget  *widget,
                          const char *action_name,
                          GVariant   *parameter)
{
  GtkApplicationWindow *window = GTK_APPLICATION_WINDOW (widget);
  GtkShortcutsWindow *overlay = gtk_application_window_get_help_overlay (window);

  if (overlay == NULL)
    {
      g_autoptr(GtkBuilder) builder = gtk_builder_new_from_resource ("/io/github/oslens/OSLens/gtk/help-overlay.ui");

      overlay = GTK_SHORTCUTS_WINDOW (gtk_builder_get_object (builder, "help_overlay"));
      gtk_application_window_set_help_overlay (window, overlay);
    }
  gtk_window_present (GTK_WINDOW (overlay));
}

static void
close_action (GtkWidget  *widget,
              const char *action_name,
              GVariant   *parameter)
{
  gtk_window_close (GTK_WINDOW (widget));
}

static gboolean
drop_cb (GtkDropTarget *target,
         const GValue  *value,
         double         x,
         double         y,
         gpointer       user_data)
{
  OslWindow *self = user_data;
  GSList *files = g_value_get_boxed (value);

  for (GSList *l = files; l != NULL; l = l->next)
    osl_window_open_file (self, l->data);
  return files != NULL;
}

static void
add_drop_target (OslWindow *self)
{
  GtkDropTarget *target = gtk_drop_target_new (GDK_TYPE_FILE_LIST, GDK_ACTION_COPY);

  g_signal_connect (target, "drop", G_CALLBACK (drop_cb), self);
  gtk_widget_add_controller (GTK_WIDGET (self), GTK_EVENT_CONTROLLER (target));
}

static void
visible_child_changed_cb (OslWindow  *self,
                          GParamSpec *pspec,
                          GtkStack   *stack)
{
  const char *name = gtk_stack_get_visible_child_name (stack);
  OslPage *page;

  if (name == NULL)
    return;
  page = visible_page (self);
  g_settings_set_string (self->settings, "last-page", name);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.save", page != NULL && osl_page_can_save (page));
}

static void
restore_state (OslWindow *self)
{
  g_autofree char *last_page = g_settings_get_string (self->settings, "last-page");

  gtk_window_set_default_size (GTK_WINDOW (self),
                               g_settings_get_int (self->settings, "window-width"),
                               g_settings_get_int (self->settings, "window-height"));
  if (g_settings_get_boolean (self->settings, "window-maximized"))
    gtk_window_maximize (GTK_WINDOW (self));
  if (gtk_stack_get_child_by_name (self->stack, last_page) != NULL)
    gtk_stack_set_visible_child_name (self->stack, last_page);
}

static gboolean
osl_window_close_request (GtkWindow *window)
{
  OslWindow *self = OSL_WINDOW (window);
  int width, height;

  gtk_window_get_default_size (window, &width, &height);
  g_settings_set_boolean (self->settings, "window-maximized", gtk_window_is_maximized (window));
  if (!gtk_window_is_maximized (window) && !gtk_window_is_fullscreen (window))
    {
      g_settings_set_int (self->settings, "window-width", width);
      g_settings_set_int (self->settings, "window-height", height);
    }
  return GTK_WINDOW_CLASS (osl_window_parent_class)->close_request (window);
}

/* Runs once the window knows its application ("application" is not a
 * construct property, so this cannot happen in constructed()). */
static void
setup_with_settings (OslWindow *self,
                     GSettings *settings)
{
  self->settings = g_object_ref (settings);
  add_pages (self);
  restore_state (self);
  g_signal_connect_object (self->settings, "changed::zoom", G_CALLBACK (update_zoom_label),
                           self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->stack, "notify::visible-child", G_CALLBACK (visible_child_changed_cb),
                           self, G_CONNECT_SWAPPED);
  update_zoom_label (self);
  visible_child_changed_cb (self, NULL, self->stack);
}

static void
osl_window_dispose (GObject *object)
{
  OslWindow *self = OSL_WINDOW (object);

  g_clear_handle_id (&self->toast_timeout_id, g_source_remove);
  gtk_widget_dispose_template (GTK_WIDGET (self), OSL_TYPE_WINDOW);
  g_clear_object (&self->settings);
  G_OBJECT_CLASS (osl_window_parent_class)->dispose (object);
}

static void
osl_window_class_init (OslWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  GtkWindowClass *window_class = GTK_WINDOW_CLASS (klass);

  object_class->dispose = osl_window_dispose;
  window_class->close_request = osl_window_close_request;

  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/oslens/OSLens/ui/osl-window.ui");
  gtk_widget_class_bind_template_child (widget_class, OslWindow, stack);
  gtk_widget_class_bind_template_child (widget_class, OslWindow, zoom_button);
  gtk_widget_class_bind_template_child (widget_class, OslWindow, zoom_box);
  gtk_widget_class_bind_template_child (widget_class, OslWindow, menu_button);
  gtk_widget_class_bind_template_child (widget_class, OslWindow, toast_revealer);
  gtk_widget_class_bind_template_child (widget_class, OslWindow, toast_label);
  gtk_widget_class_bind_template_callback (widget_class, toast_close_clicked_cb);

  gtk_widget_class_install_action (widget_class, "win.zoom-in", NULL, zoom_in_action);
  gtk_widget_class_install_action (widget_class, "win.zoom-out", NULL, zoom_out_action);
  gtk_widget_class_install_action (widget_class, "win.zoom-reset", NULL, zoom_reset_action);
  gtk_widget_class_install_action (widget_class, "win.fullscreen", NULL, fullscreen_action);
  gtk_widget_class_install_action (widget_class, "win.export", NULL, export_action);
  gtk_widget_class_install_action (widget_class, "win.open", NULL, open_action);
  gtk_widget_class_install_action (widget_class, "win.save", NULL, save_action);
  gtk_widget_class_install_action (widget_class, "win.close", NULL, close_action);
  gtk_widget_class_install_action (widget_class, "win.show-help-overlay", NULL, show_help_overlay_action);
  gtk_widget_class_install_action (widget_class, "win.page", "s", page_action);
}

static void
osl_window_init (OslWindow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  /* The zoom row lives in the main menu, as in GNOME Text Editor, so the
   * header bar keeps room for the view switcher at 400 %. */
  gtk_popover_menu_add_child (GTK_POPOVER_MENU (gtk_menu_button_get_popover (self->menu_button)),
                              self->zoom_box, "zoom");
  add_presenter_keys (self);
  add_drop_target (self);
}

OslWindow *
osl_window_new (OslApplication *application)
{
  OslWindow *self = g_object_new (OSL_TYPE_WINDOW, "application", application, NULL);

  setup_with_settings (self, osl_application_get_settings (application));
  return self;
}

/**
 * osl_window_add_page:
 * @page: a widget implementing #OslPage
 *
 * Adds a view after the others; the window adds the four views itself.
 */
void
osl_window_add_page (OslWindow  *self,
                     GtkWidget  *page,
                     const char *name,
                     const char *title)
{
  g_return_if_fail (OSL_IS_WINDOW (self));
  g_return_if_fail (OSL_IS_PAGE (page));
  add_slot (self, page, name, title);
}

/**
 * osl_window_get_visible_page:
 *
 * Returns: (transfer none): the page on screen
 */
GtkWidget *
osl_window_get_visible_page (OslWindow *self)
{
  g_return_val_if_fail (OSL_IS_WINDOW (self), NULL);
  return GTK_WIDGET (visible_page (self));
}

/**
 * osl_window_get_page:
 * @name: "scheduling", "memory", "containers" or "flashcards"
 *
 * Builds the page if it was not built yet.
 *
 * Returns: (transfer none) (nullable): that page
 */
GtkWidget *
osl_window_get_page (OslWindow  *self,
                     const char *name)
{
  GtkWidget *slot;

  g_return_val_if_fail (OSL_IS_WINDOW (self), NULL);
  slot = gtk_stack_get_child_by_name (self->stack, name);
  return slot != NULL ? slot_get_page (self, slot) : NULL;
}

void
osl_window_set_visible_page (OslWindow  *self,
                             const char *name)
{
  g_return_if_fail (OSL_IS_WINDOW (self));
  if (gtk_stack_get_child_by_name (self->stack, name) != NULL)
    gtk_stack_set_visible_child_name (self->stack, name);
}

/**
 * osl_window_show_toast:
 *
 * Shows a one-sentence message at the bottom of the window for a few
 * seconds: results of saving, exporting, and errors that lost nothing.
 */
void
osl_window_show_toast (OslWindow  *self,
                       const char *message)
{
  g_return_if_fail (OSL_IS_WINDOW (self));

  gtk_label_set_text (self->toast_label, message);
  gtk_revealer_set_reveal_child (self->toast_revealer, TRUE);
  g_clear_handle_id (&self->toast_timeout_id, g_source_remove);
  self->toast_timeout_id = g_timeout_add_seconds (TOAST_SECONDS, hide_toast_cb, self);
}

static void
show_page (OslWindow *self,
           GtkWidget *page)
{
  gtk_stack_set_visible_child (self->stack, gtk_widget_get_parent (page));
}

static const char *
page_for_format (const char *format)
{
  static const struct { const char *format; const char *page; } formats[] = {
    { "os-lens/scheduling", "scheduling" },
    { "os-lens/memory", "memory" },
    { "os-lens/docker-session", "containers" },
    { "os-lens/deck", "flashcards" },
    { "os-lens/review-log", "flashcards" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (formats); i++)
    if (g_strcmp0 (format, formats[i].format) == 0)
      return formats[i].page;
  return NULL;
}

/* Picks the page a file belongs to from its "format" field, or from its
 * extension for Anki text exports and review logs (JSON Lines, which a
 * JSON parser refuses past the first line); otherwise the visible page
 * tries. */
static const char *
page_for_file (GFile *file)
{
  g_autofree char *path = g_file_get_path (file);
  g_autofree char *data = NULL;
  g_autoptr(JsonParser) parser = json_parser_new ();
  JsonNode *root;

  if (path == NULL)
    return NULL;
  if (g_str_has_suffix (path, ".csv") || g_str_has_suffix (path, ".tsv") || g_str_has_suffix (path, ".txt")
      || g_str_has_suffix (path, ".jsonl"))
    return "flashcards";
  if (!json_parser_load_from_file (parser, path, NULL))
    return NULL;
  root = json_parser_get_root (parser);
  if (root == NULL || !JSON_NODE_HOLDS_OBJECT (root))
    return NULL;
  return page_for_format (json_object_get_string_member_with_default (json_node_get_object (root), "format", NULL));
}

/**
 * osl_window_open_file:
 *
 * Opens @file in the page it belongs to and shows that page; a file that
 * cannot be read leaves everything as it was and says why.
 */
void
osl_window_open_file (OslWindow *self,
                      GFile     *file)
{
  const char *name = page_for_file (file);
  g_autoptr(GError) error = NULL;
  g_autofree char *basename = g_file_get_basename (file);
  GtkWidget *page;

  g_return_if_fail (OSL_IS_WINDOW (self));

  page = name != NULL ? osl_window_get_page (self, name) : osl_window_get_visible_page (self);
  if (page == NULL || !OSL_IS_PAGE (page) || !osl_page_can_open (OSL_PAGE (page)))
    {
      g_autofree char *message = g_strdup_printf (_("OS Lens cannot tell which view opens “%s”."), basename);
      osl_window_show_toast (self, message);
      return;
    }
  if (!osl_page_open_file (OSL_PAGE (page), file, &error))
    {
      g_autofree char *message = g_strdup_printf (_("Could not open “%s”: %s"), basename, error->message);
      osl_window_show_toast (self, message);
      return;
    }
  show_page (self, page);
}

/**
 * osl_window_explore:
 * @page_name: the view to show
 * @state: (nullable): a state that view knows, e.g. "preset:convoy"
 *
 * Shows a view in a given state: what a flashcard's "Explore this" does.
 */
void
osl_window_explore (OslWindow  *self,
                    const char *page_name,
                    const char *state)
{
  GtkWidget *page;

  g_return_if_fail (OSL_IS_WINDOW (self));

  page = osl_window_get_page (self, page_name);
  if (page == NULL)
    return;
  show_page (self, page);
  if (state != NULL && OSL_IS_PAGE (page) && !osl_page_show_state (OSL_PAGE (page), state))
    g_debug ("View %s does not know the state %s", page_name, state);
}
