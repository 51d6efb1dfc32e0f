/* test-i18n.c: the window speaks German under LANGUAGE=de
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>
#include <locale.h>

#include "osl-test-gui.h"

static void
test_page_titles_are_german (void)
{
  static const char *german[] = { "Scheduling", "Speicher", "VMs & Container", "Lernkarten" };
  g_autoptr(OslApplication) app = osl_test_gui_start_app ();
  OslWindow *window = osl_test_gui_get_window (app);
  GtkStack *stack = GTK_STACK (gtk_widget_get_ancestor (osl_window_get_visible_page (window), GTK_TYPE_STACK));
  GtkSelectionModel *pages = gtk_stack_get_pages (stack);

  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (pages)), ==, G_N_ELEMENTS (german));
  for (guint i = 0; i < G_N_ELEMENTS (german); i++)
    {
      g_autoptr(GObject) page = g_list_model_get_item (G_LIST_MODEL (pages), i);
      g_assert_cmpstr (gtk_stack_page_get_title (GTK_STACK_PAGE (page)), ==, german[i]);
    }
  g_object_unref (pages);
  g_assert_cmpstr (_("Export Diagram"), ==, "Diagramm exportieren");
  gtk_window_destroy (GTK_WINDOW (window));
}

int
main (int    argc,
      char **argv)
{
  /* The locale must be a UTF-8 one: LANGUAGE is ignored in plain C. */
  g_setenv ("LANGUAGE", "de", TRUE);
  g_setenv ("LC_ALL", "C.UTF-8", TRUE);
  setlocale (LC_ALL, "");
  bindtextdomain (GETTEXT_PACKAGE, g_getenv ("OSL_LOCALEDIR"));
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  textdomain (GETTEXT_PACKAGE);

  gtk_test_init (&argc, &argv, NULL);
  g_test_add_func ("/i18n/german-page-titles", test_page_titles_are_german);
  return g_test_run ();
}
