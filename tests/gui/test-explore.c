/* test-explore.c: every card's "Explore this" lands on a state its view knows
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <json-glib/json-glib.h>

#include "osl-page.h"
#include "osl-test-gui.h"

static void
test_every_deck_link_is_known (void)
{
  g_autoptr(OslApplication) app = osl_test_gui_start_app ();
  OslWindow *window = osl_test_gui_get_window (app);
  g_autofree char *path = g_build_filename (g_getenv ("OS_LENS_SOURCE_ROOT"), "data", "decks",
                                            "virtualization-containerization.json", NULL);
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(GError) error = NULL;
  JsonArray *cards;

  g_assert_true (json_parser_load_from_file (parser, path, &error));
  g_assert_no_error (error);
  cards = json_object_get_array_member (json_node_get_object (json_parser_get_root (parser)), "cards");
  g_assert_cmpuint (json_array_get_length (cards), ==, 57);

  for (guint i = 0; i < json_array_get_length (cards); i++)
    {
      JsonObject *card = json_array_get_object_element (cards, i);
      JsonObject *link = json_object_get_object_member (card, "link");
      const char *view = json_object_get_string_member (link, "view");
      const char *state = json_object_get_string_member (link, "state");
      GtkWidget *page = osl_window_get_page (window, view);

      g_test_message ("card %s → %s %s", json_object_get_string_member (card, "id"), view, state);
      g_assert_nonnull (page);
      osl_window_explore (window, view, NULL);
      g_assert_true (osl_window_get_visible_page (window) == page);
      g_assert_true (osl_page_show_state (OSL_PAGE (page), state));
      osl_test_gui_wait (20);
    }
  gtk_window_destroy (GTK_WINDOW (window));
}

int
main (int    argc,
      char **argv)
{
  gtk_test_init (&argc, &argv, NULL);
  g_test_add_func ("/explore/every-deck-link", test_every_deck_link_is_known);
  return g_test_run ();
}
