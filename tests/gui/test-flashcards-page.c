/* test-flashcards-page.c: reviewing the lecture deck with no set-up
 *
 * Runs the app with an empty user data folder. With OSL_SCREENSHOT_DIR
 * set, it also saves each screen as a PNG for a person to look at.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gstdio.h>

#include "osl-flashcards-page.h"
#include "osl-test-gui.h"

static OslApplication *app;
static OslWindow *window;
static GtkWidget *page;

static void
activate (const char *action,
          GVariant   *parameter)
{
  g_assert_true (gtk_widget_activate_action_variant (page, action, parameter));
  osl_test_gui_wait (150);
}

static GtkWidget *
find_label_with (GtkWidget  *widget,
                 const char *needle)
{
  if (GTK_IS_LABEL (widget) && gtk_widget_is_drawable (widget) &&
      strstr (gtk_label_get_text (GTK_LABEL (widget)), needle) != NULL)
    return widget;
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_label_with (child, needle);

      if (found != NULL)
        return found;
    }
  return NULL;
}

static void
save_screenshot (const char *name)
{
  const char *dir = g_getenv ("OSL_SCREENSHOT_DIR");
  g_autoptr(GdkTexture) texture = NULL;
  g_autofree char *path = NULL;

  /* Past the crossfade between modes. */
  osl_test_gui_wait (700);
  texture = osl_test_gui_render_widget (GTK_WIDGET (window));
  g_assert_cmpuint (osl_test_gui_count_colours (texture), >, 20);
  if (dir == NULL)
    return;
  path = g_build_filename (dir, name, NULL);
  gdk_texture_save_to_png (texture, path);
}

/* The log in place was not a review log: the app opened anyway, kept
 * the file aside and said so. */
static void
test_foreign_log_kept_aside (void)
{
  g_autofree char *dir = g_build_filename (g_getenv ("XDG_DATA_HOME"), "os-lens", "reviews", NULL);
  g_autoptr(GDir) handle = g_dir_open (dir, 0, NULL);
  const char *name;
  gboolean kept = FALSE;

  while (handle != NULL && (name = g_dir_read_name (handle)) != NULL)
    kept |= g_str_has_prefix (name, "virtualization-containerization.jsonl.broken-");
  g_assert_true (kept);
  g_assert_nonnull (find_label_with (GTK_WIDGET (window), "The review log could not be read"));
}

static void
test_review_rate_and_undo (void)
{
  save_screenshot ("flashcards-question.png");
  g_assert_nonnull (find_label_with (page, "What are the relevant OS concepts?"));
  g_assert_nonnull (find_label_with (page, "20 new"));

  activate ("flashcards.reveal", NULL);
  g_assert_nonnull (find_label_with (page, "Virtual memory"));
  g_assert_nonnull (find_label_with (page, "Not at all"));
  g_assert_nonnull (find_label_with (page, "10 min"));
  save_screenshot ("flashcards-answer.png");

  activate ("flashcards.rate", g_variant_new_uint32 (4));
  g_assert_nonnull (find_label_with (page, "What is a process?"));
  g_assert_nonnull (find_label_with (page, "1 done today"));

  activate ("flashcards.undo", NULL);
  g_assert_nonnull (find_label_with (page, "What are the relevant OS concepts?"));
  g_assert_nonnull (find_label_with (page, "0 done today"));

  /* A card with a command line and a note. */
  for (guint i = 0; i < 20; i++)
    {
      activate ("flashcards.reveal", NULL);
      activate ("flashcards.rate", g_variant_new_uint32 (5));
    }
  save_screenshot ("flashcards-done.png");
  g_assert_nonnull (find_label_with (page, "The next card is due"));
}

static void
test_other_modes (void)
{
  activate ("flashcards.mode", g_variant_new_string ("class"));
  save_screenshot ("flashcards-class.png");
  activate ("flashcards.class-reveal", NULL);
  save_screenshot ("flashcards-class-answer.png");
  activate ("flashcards.mode", g_variant_new_string ("browse"));
  g_assert_nonnull (find_label_with (page, "What is a process?"));
  save_screenshot ("flashcards-browse.png");
  activate ("flashcards.mode", g_variant_new_string ("statistics"));
  save_screenshot ("flashcards-statistics.png");
  activate ("flashcards.mode", g_variant_new_string ("review"));
  activate ("flashcards.undo", NULL);
  activate ("flashcards.reveal", NULL);
}

/* A new user's first change, undone, leaves no copy of the deck: the
 * lecture deck shows again, and the answers given stay. */
static void
test_undo_first_change (void)
{
  g_autofree char *deck_path = g_build_filename (g_getenv ("XDG_DATA_HOME"), "os-lens", "decks",
                                                 "virtualization-containerization.json", NULL);
  GtkLabel *counts_label = GTK_LABEL (gtk_widget_get_template_child (page, OSL_TYPE_FLASHCARDS_PAGE, "counts_label"));
  GtkColumnView *view = GTK_COLUMN_VIEW (gtk_widget_get_template_child (page, OSL_TYPE_FLASHCARDS_PAGE, "column_view"));
  g_autofree char *counts = g_strdup (gtk_label_get_text (counts_label));

  g_assert_false (g_file_test (deck_path, G_FILE_TEST_EXISTS));
  activate ("flashcards.add", NULL);
  g_assert_true (g_file_test (deck_path, G_FILE_TEST_EXISTS));
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (gtk_column_view_get_model (view))), ==, 58);
  activate ("flashcards.undo-change", NULL);
  g_assert_false (g_file_test (deck_path, G_FILE_TEST_EXISTS));
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (gtk_column_view_get_model (view))), ==, 57);
  g_assert_cmpstr (gtk_label_get_text (counts_label), ==, counts);
  g_assert_false (gtk_widget_get_visible (GTK_WIDGET (gtk_widget_get_template_child (page, OSL_TYPE_FLASHCARDS_PAGE,
                                                                                     "undo_change_button"))));
  activate ("flashcards.mode", g_variant_new_string ("review"));
}

/* Only with OSL_SCREENSHOT_DIR: every mode in each theme at 100 % and
 * 200 %, for a person to judge. */
static void
test_themes_and_zoom (void)
{
  static const char *themes[] = { "light", "dark", "high-contrast" };
  static const char *modes[] = { "review", "class", "browse", "statistics" };
  g_autoptr(GSettings) settings = g_settings_new (APP_ID);

  if (g_getenv ("OSL_SCREENSHOT_DIR") == NULL)
    {
      g_test_skip ("OSL_SCREENSHOT_DIR is not set");
      return;
    }
  for (guint t = 0; t < G_N_ELEMENTS (themes); t++)
    for (guint z = 1; z <= 2; z++)
      {
        g_settings_set_string (settings, "theme", themes[t]);
        g_settings_set_double (settings, "zoom", z);
        for (guint m = 0; m < G_N_ELEMENTS (modes); m++)
          {
            g_autofree char *name = g_strdup_printf ("%s-%s-%u00.png", modes[m], themes[t], z);

            activate ("flashcards.mode", g_variant_new_string (modes[m]));
            save_screenshot (name);
          }
      }
  g_settings_set_string (settings, "theme", "light");
  g_settings_set_double (settings, "zoom", 1);
}

int
main (int   argc,
      char *argv[])
{
  g_autofree char *data_home = g_dir_make_tmp ("osl-flashcards-XXXXXX", NULL);
  int status;

  /* A fresh user, except that a stray file sits where the log goes. */
  g_setenv ("XDG_DATA_HOME", data_home, TRUE);
  {
    g_autofree char *dir = g_build_filename (data_home, "os-lens", "reviews", NULL);
    g_autofree char *log = g_build_filename (dir, "virtualization-containerization.jsonl", NULL);

    g_mkdir_with_parents (dir, 0700);
    g_file_set_contents (log, "PK\003\004 not a review log", -1, NULL);
  }
  gtk_test_init (&argc, &argv, NULL);
  app = osl_test_gui_start_app ();
  window = osl_test_gui_get_window (app);
  g_assert_true (gtk_widget_activate_action_variant (GTK_WIDGET (window), "win.page",
                                                     g_variant_new_string ("flashcards")));
  osl_test_gui_wait (300);
  page = osl_window_get_page (window, "flashcards");
  g_assert_nonnull (page);

  g_test_add_func ("/flashcards-page/foreign-log", test_foreign_log_kept_aside);
  g_test_add_func ("/flashcards-page/review", test_review_rate_and_undo);
  g_test_add_func ("/flashcards-page/modes", test_other_modes);
  g_test_add_func ("/flashcards-page/undo-first-change", test_undo_first_change);
  g_test_add_func ("/flashcards-page/themes-and-zoom", test_themes_and_zoom);
  status = g_test_run ();
  gtk_window_destroy (GTK_WINDOW (window));
  return status;
}
