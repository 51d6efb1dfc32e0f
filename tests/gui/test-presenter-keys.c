/* test-presenter-keys.c: a clicker's keys reach the visible page
 *
 * Real key presses through the X server (xdotool), so the test covers
 * the capture-phase controller as a presenter meets it.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "osl-page.h"
#include "osl-test-gui.h"

#define TEST_TYPE_PAGE (test_page_get_type ())
G_DECLARE_FINAL_TYPE (TestPage, test_page, TEST, PAGE, GtkBox)

struct _TestPage
{
  GtkBox     parent_instance;
  GtkWidget *entry;
  GtkWidget *button;
  guint      forward, back, play_pause, restart;
};

static void test_page_iface_init (OslPageInterface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (TestPage, test_page, GTK_TYPE_BOX,
                               G_IMPLEMENT_INTERFACE (OSL_TYPE_PAGE, test_page_iface_init))

static void forward (OslPage *page) { TEST_PAGE (page)->forward++; }
static void back (OslPage *page) { TEST_PAGE (page)->back++; }
static void play_pause (OslPage *page) { TEST_PAGE (page)->play_pause++; }
static void restart (OslPage *page) { TEST_PAGE (page)->restart++; }

static void
test_page_iface_init (OslPageInterface *iface)
{
  iface->step_forward = forward;
  iface->step_back = back;
  iface->play_pause = play_pause;
  iface->restart = restart;
}

static void
test_page_class_init (TestPageClass *klass)
{
}

static void
test_page_init (TestPage *self)
{
  self->entry = gtk_entry_new ();
  self->button = gtk_button_new_with_label ("Step");
  gtk_box_append (GTK_BOX (self), self->entry);
  gtk_box_append (GTK_BOX (self), self->button);
}

static OslWindow *window;

static void
press (const char *keys)
{
  g_autofree char *command = g_strdup_printf ("xdotool search --sync --onlyvisible --name '^OS Lens$' windowfocus --sync key --delay 50 %s", keys);
  g_autoptr(GError) error = NULL;
  int status;

  g_autofree char *err = NULL;

  g_assert_true (g_spawn_command_line_sync (command, NULL, &err, &status, &error));
  if (!g_spawn_check_wait_status (status, NULL))
    g_printerr ("%s\n", err);
  g_assert_no_error (error);
  g_assert_true (g_spawn_check_wait_status (status, NULL));
  osl_test_gui_wait (300);
}

static void
test_keys_reach_the_visible_page (void)
{
  TestPage *page = g_object_new (TEST_TYPE_PAGE, NULL);

  osl_window_add_page (window, GTK_WIDGET (page), "test", "Test");
  osl_window_set_visible_page (window, "test");
  gtk_widget_grab_focus (page->button);
  osl_test_gui_wait (300);

  press ("Next Next Prior space Home Right Left");
  g_assert_cmpuint (page->forward, ==, 3);
  g_assert_cmpuint (page->back, ==, 2);
  g_assert_cmpuint (page->play_pause, ==, 1);
  g_assert_cmpuint (page->restart, ==, 1);
}

static void
test_text_entry_keeps_its_keys (void)
{
  TestPage *page = TEST_PAGE (osl_window_get_page (window, "test"));
  guint forward = page->forward, back = page->back;

  gtk_editable_set_text (GTK_EDITABLE (page->entry), "ab");
  gtk_widget_grab_focus (page->entry);
  osl_test_gui_wait (300);

  /* Arrows, Space and Home edit the text; PageDown/PageUp still step. */
  press ("End Left space Home Right Next Prior Prior");
  g_assert_cmpuint (page->forward, ==, forward + 1);
  g_assert_cmpuint (page->back, ==, back + 2);
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (page->entry)), ==, "a b");
  g_assert_cmpuint (page->play_pause, ==, 1);
  g_assert_cmpuint (page->restart, ==, 1);
}

int
main (int    argc,
      char **argv)
{
  g_autoptr(OslApplication) app = NULL;

  gtk_test_init (&argc, &argv, NULL);
  if (g_find_program_in_path ("xdotool") == NULL)
    {
      g_test_skip ("xdotool is needed to press keys");
      return 77;
    }
  app = osl_test_gui_start_app ();
  window = osl_test_gui_get_window (app);
  g_test_add_func ("/presenter-keys/reach-page", test_keys_reach_the_visible_page);
  g_test_add_func ("/presenter-keys/entry-keeps-keys", test_text_entry_keeps_its_keys);
  return g_test_run ();
}
