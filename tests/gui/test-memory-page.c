/* test-memory-page.c: the memory view as a user drives it
 *
 * Set OSL_SCREENSHOT_DIR to keep a PNG of each story.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gstdio.h>
#include <math.h>

#include "osl-diagram-view.h"
#include "osl-page.h"
#include "osl-test-gui.h"

static OslApplication *app;
static OslWindow *window;
static GtkWidget *page;

static void
keep_screenshot (const char *name)
{
  const char *dir = g_getenv ("OSL_SCREENSHOT_DIR");
  g_autoptr(GdkTexture) texture = NULL;
  g_autofree char *path = NULL;

  osl_test_gui_wait (400);
  texture = osl_test_gui_render_widget (GTK_WIDGET (window));
  g_assert_cmpuint (osl_test_gui_count_colours (texture), >, 8);
  if (dir == NULL)
    return;
  path = g_strdup_printf ("%s/memory-%s.png", dir, name);
  gdk_texture_save_to_png (texture, path);
}

static OslScene *
scene (void)
{
  return osl_page_build_scene (OSL_PAGE (page), 1280, 720);
}

static GtkWidget *
find_child (GtkWidget  *widget,
            GType       type,
            const char *tooltip_prefix)
{
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      const char *tip = gtk_widget_get_tooltip_text (child);
      GtkWidget *found;

      if (G_TYPE_CHECK_INSTANCE_TYPE (child, type) &&
          (tooltip_prefix == NULL || (tip != NULL && g_str_has_prefix (tip, tooltip_prefix))))
        return child;
      found = find_child (child, type, tooltip_prefix);
      if (found != NULL)
        return found;
    }
  return NULL;
}

static void
test_lecture_steps (void)
{
  g_autoptr(OslScene) start = NULL;
  g_autoptr(OslScene) done = NULL;
  g_autoptr(OslScene) second = NULL;

  g_assert_true (osl_page_show_state (OSL_PAGE (page), "preset:lecture-example"));
  start = scene ();
  g_assert_nonnull (osl_scene_find (start, "ghost-0"));
  g_assert_null (osl_scene_find (start, "result"));
  for (guint i = 0; i < 3; i++)
    osl_page_step_forward (OSL_PAGE (page));
  done = scene ();
  g_assert_nonnull (strstr (osl_scene_find (done, "result")->text, "0x70001000"));
  keep_screenshot ("lecture");
  /* One more step moves on to 0x60001800, the same page. */
  for (guint i = 0; i < 4; i++)
    osl_page_step_forward (OSL_PAGE (page));
  second = scene ();
  g_assert_nonnull (strstr (osl_scene_find (second, "result")->text, "0x70001800"));
  /* And back again. */
  for (guint i = 0; i < 4; i++)
    osl_page_step_back (OSL_PAGE (page));
  g_clear_pointer (&done, osl_scene_unref);
  done = scene ();
  g_assert_nonnull (strstr (osl_scene_find (done, "result")->text, "0x70001000"));
}

static void
test_stories (void)
{
  static const struct { const char *name; guint steps; const char *node; } cases[] = {
    { "entry-size", 3, "result" },
    { "tlb", 2, "tlb-0" },
    { "page-fault", 6, "page-0" },
    { "swapping", 14, "page-2" },
    { "shared-memory", 8, "page-0" },
    { "read-only", 5, "result" },
    { "nx", 5, "result" },
    { "large-pages", 2, "result" },
    { "canonical", 1, "result" },
    { "ept", 24, "ref-24" },
    { "ept", 40, "ref-15" },
    { "textbook", 3, "result" },
    { "memory-map", 0, "map-footer" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(OslScene) shown = NULL;
      g_autofree char *state = g_strconcat ("preset:", cases[i].name, NULL);

      g_assert_true (osl_page_show_state (OSL_PAGE (page), state));
      for (guint s = 0; s < cases[i].steps; s++)
        osl_page_step_forward (OSL_PAGE (page));
      shown = scene ();
      if (osl_scene_find (shown, cases[i].node) == NULL)
        g_error ("story %s: no node %s after %u steps", cases[i].name, cases[i].node, cases[i].steps);
      keep_screenshot (cases[i].name);
    }
  g_assert_false (osl_page_show_state (OSL_PAGE (page), "preset:no-such-story"));
}

/* A visible label anywhere in @widget whose text contains @text. */
static GtkWidget *
find_visible_label (GtkWidget  *widget,
                    const char *text)
{
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found;

      if (!gtk_widget_get_visible (child))
        continue;
      if (GTK_IS_LABEL (child) && strstr (gtk_label_get_text (GTK_LABEL (child)), text) != NULL)
        return child;
      found = find_visible_label (child, text);
      if (found != NULL)
        return found;
    }
  return NULL;
}

static const char *
selected_story (void)
{
  GtkDropDown *stories = GTK_DROP_DOWN (find_child (page, GTK_TYPE_DROP_DOWN, "Presets and stories"));

  return gtk_string_object_get_string (gtk_drop_down_get_selected_item (stories));
}

/* A refused address is explained once, in the diagram under the bits;
 * the entry is only marked. Returns the diagram. */
static OslScene *
assert_refused_once (const char *typed,
                     const char *explanation)
{
  GtkWidget *entry = find_child (page, GTK_TYPE_ENTRY, NULL);
  OslScene *refused;

  gtk_editable_set_text (GTK_EDITABLE (entry), typed);
  refused = scene ();
  g_assert_nonnull (strstr (osl_scene_find (refused, "problem")->text, explanation));
  g_assert_null (find_visible_label (page, explanation));
  g_assert_true (gtk_widget_has_css_class (entry, "error"));
  return refused;
}

static void
test_typed_address (void)
{
  GtkWidget *entry = find_child (page, GTK_TYPE_ENTRY, NULL);
  g_autoptr(OslScene) too_wide = NULL;
  g_autoptr(OslScene) typo = NULL;
  g_autoptr(OslScene) good = NULL;
  g_autoptr(OslScene) non_canonical = NULL;

  g_assert_true (osl_page_show_state (OSL_PAGE (page), "preset:lecture-example"));
  too_wide = assert_refused_once ("0x1_0000_0000", "too wide for x86-32");
  keep_screenshot ("too-wide");
  g_assert_nonnull (osl_scene_find (too_wide, "bit-31"));
  /* The bit that makes it too wide is shown, not dropped. */
  g_assert_cmpstr (osl_scene_find (too_wide, "bit-32")->text, ==, "1");
  g_assert_nonnull (osl_scene_find (too_wide, "field-beyond"));
  /* Text that is no number has no bits: the last address's would mislead. */
  typo = assert_refused_once ("0xZZ", "not hexadecimal");
  g_assert_null (osl_scene_find (typo, "bit-31"));
  gtk_editable_set_text (GTK_EDITABLE (entry), "0xC080_1ABC");
  good = scene ();
  g_assert_null (osl_scene_find (good, "problem"));
  g_assert_false (gtk_widget_has_css_class (entry, "error"));
  g_assert_nonnull (strstr (osl_scene_find (good, "field-0")->text, "= 770"));
  /* A non-canonical address is walked to its #GP, said once, in the
   * diagram alone. */
  g_assert_true (osl_page_show_state (OSL_PAGE (page), "preset:read-only"));
  gtk_editable_set_text (GTK_EDITABLE (entry), "0x0000800000000000");
  non_canonical = scene ();
  g_assert_nonnull (strstr (osl_scene_find (non_canonical, "result")->text, "#GP"));
  g_assert_null (strstr (osl_scene_find (non_canonical, "narration")->text,
                         osl_scene_find (non_canonical, "result")->text));
  g_assert_null (find_visible_label (page, "#GP"));
  g_assert_null (find_visible_label (page, "canonical"));
}

/* Typing an address leaves the story: the story menu says so, and
 * picking a story again starts it afresh. */
static void
test_story_menu_follows_custom_walk (void)
{
  GtkDropDown *stories = GTK_DROP_DOWN (find_child (page, GTK_TYPE_DROP_DOWN, "Presets and stories"));
  GtkWidget *entry = find_child (page, GTK_TYPE_ENTRY, NULL);
  g_autoptr(OslScene) own = NULL;
  g_autoptr(OslScene) again = NULL;

  g_assert_true (osl_page_show_state (OSL_PAGE (page), "preset:lecture-example"));
  g_assert_cmpstr (selected_story (), ==, "Lecture example: 0x60001000 → 0x70001000");
  gtk_editable_set_text (GTK_EDITABLE (entry), "0xC0801ABC");
  g_assert_cmpstr (selected_story (), ==, "Your own walk (no story)");
  own = scene ();
  g_assert_nonnull (strstr (osl_scene_find (own, "result")->text, "0x12345ABC"));
  /* Back to the lecture: its address, its first step, its narration. */
  gtk_drop_down_set_selected (stories, 0);
  g_assert_cmpstr (selected_story (), ==, "Lecture example: 0x60001000 → 0x70001000");
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (entry)), ==, "0x60001000");
  again = scene ();
  g_assert_nonnull (osl_scene_find (again, "ghost-0"));
  g_assert_nonnull (strstr (osl_scene_find (again, "narration")->text, "The lecture's example"));
  /* A flag edit inside a story is the user's own walk too. */
  g_signal_emit_by_name (find_child (page, g_type_from_name ("OslDiagramView"), NULL),
                         "node-activated", "flag:0:R/W", "flag-0-R/W");
  g_assert_cmpstr (selected_story (), ==, "Your own walk (no story)");
  g_assert_true (osl_page_show_state (OSL_PAGE (page), "preset:nx"));
  g_assert_cmpstr (selected_story (), ==, "No-execute (NX) pages");
}

static void
test_edit_flags (void)
{
  GtkWidget *diagram = find_child (page, g_type_from_name ("OslDiagramView"), NULL);
  GtkWidget *entry = find_child (page, GTK_TYPE_ENTRY, NULL);
  g_autoptr(OslScene) unmapped = NULL;
  g_autoptr(OslScene) mapped = NULL;

  g_assert_true (osl_page_show_state (OSL_PAGE (page), "preset:lecture-example"));
  gtk_editable_set_text (GTK_EDITABLE (entry), "0x60001000");
  /* Clicking the PT's P chip clears P: the walk faults at once. */
  g_signal_emit_by_name (diagram, "node-activated", "flag:1:P", "flag-1-P");
  unmapped = scene ();
  g_assert_cmpstr (osl_scene_find (unmapped, "result")->role, ==, "fault");
  g_signal_emit_by_name (diagram, "node-activated", "flag:1:P", "flag-1-P");
  mapped = scene ();
  g_assert_cmpstr (osl_scene_find (mapped, "result")->role, ==, "result");
  /* A bit click flips the address. */
  g_signal_emit_by_name (diagram, "node-activated", "bit:31", "bit-31");
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (entry)), ==, "0xE0001000");
}

static void
test_map_and_unmap (void)
{
  GtkWidget *entry = find_child (page, GTK_TYPE_ENTRY, NULL);
  GtkWidget *map = find_child (page, GTK_TYPE_BUTTON, "Map this address");
  GtkWidget *unmap = find_child (page, GTK_TYPE_BUTTON, "Clear the present bit");
  g_autoptr(OslScene) before = NULL;
  g_autoptr(OslScene) mapped = NULL;
  g_autoptr(OslScene) unmapped = NULL;

  g_assert_true (osl_page_show_state (OSL_PAGE (page), "preset:lecture-example"));
  gtk_editable_set_text (GTK_EDITABLE (entry), "0x12345678");
  before = scene ();
  g_assert_cmpstr (osl_scene_find (before, "result")->role, ==, "fault");
  /* Map makes the page table and the page: the walk now succeeds. */
  g_signal_emit_by_name (map, "clicked");
  mapped = scene ();
  g_assert_cmpstr (osl_scene_find (mapped, "result")->role, ==, "result");
  g_assert_nonnull (osl_scene_find (mapped, "row-1-2"));
  g_signal_emit_by_name (unmap, "clicked");
  unmapped = scene ();
  g_assert_cmpstr (osl_scene_find (unmapped, "result")->role, ==, "fault");
  g_assert_nonnull (strstr (osl_scene_find (unmapped, "result")->text, "not present"));
}

static void
test_save_and_open (void)
{
  g_autofree char *dir = g_dir_make_tmp ("osl-memory-XXXXXX", NULL);
  g_autofree char *path = g_build_filename (dir, "walk.json", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;
  GtkWidget *diagram = find_child (page, g_type_from_name ("OslDiagramView"), NULL);
  g_autoptr(OslScene) reopened = NULL;

  g_assert_true (osl_page_show_state (OSL_PAGE (page), "preset:lecture-example"));
  /* Clear the PT's R/W, save, start over, open: the edit is back. */
  g_signal_emit_by_name (diagram, "node-activated", "flag:1:R/W", "flag-1-R/W");
  g_assert_true (osl_page_save_file (OSL_PAGE (page), file, &error));
  g_assert_no_error (error);
  g_assert_true (osl_page_show_state (OSL_PAGE (page), "preset:nx"));
  g_assert_true (osl_page_open_file (OSL_PAGE (page), file, &error));
  g_assert_no_error (error);
  reopened = scene ();
  g_assert_false (osl_scene_find (reopened, "flag-1-R/W")->flags & OSL_NODE_FLAG_BOLD);
  g_assert_true (osl_scene_find (reopened, "flag-1-P")->flags & OSL_NODE_FLAG_BOLD);
  g_unlink (path);
  g_rmdir (dir);
}

static GtkWidget *
find_toplevel (const char *title)
{
  GListModel *toplevels = gtk_window_get_toplevels ();

  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GtkWindow) toplevel = g_list_model_get_item (toplevels, i);

      if (g_strcmp0 (gtk_window_get_title (toplevel), title) == 0)
        return GTK_WIDGET (toplevel);
    }
  return NULL;
}

static void
test_paste_ostep (void)
{
  GtkWidget *button = find_child (page, GTK_TYPE_BUTTON, "Open a paging-linear-translate.py");
  GtkWidget *dialog, *entry, *text;
  g_autofree char *shown = NULL;
  g_autoptr(OslScene) walk = NULL;
  GtkTextIter start, end;

  g_assert_nonnull (button);
  g_signal_emit_by_name (button, "clicked");
  dialog = find_toplevel ("Paste OSTEP command");
  g_assert_nonnull (dialog);
  entry = find_child (dialog, GTK_TYPE_ENTRY, NULL);
  text = find_child (dialog, GTK_TYPE_TEXT_VIEW, NULL);
  /* Something else than a paging simulator is refused in words. */
  gtk_editable_set_text (GTK_EDITABLE (entry), "python3 scheduler.py -p RR");
  g_signal_emit_by_name (entry, "activate");
  g_assert_cmpint (gtk_text_buffer_get_char_count (gtk_text_view_get_buffer (GTK_TEXT_VIEW (text))), ==, 0);
  /* Seed 0, first question: the simulator's -c says
   * 0x611c → 0x6bc, value 0x08; the page walks it in textbook mode. */
  gtk_editable_set_text (GTK_EDITABLE (entry), "python3 paging-multilevel-translate.py -s 0 -n 3");
  g_signal_emit_by_name (entry, "activate");
  gtk_text_buffer_get_bounds (gtk_text_view_get_buffer (GTK_TEXT_VIEW (text)), &start, &end);
  shown = gtk_text_iter_get_text (&start, &end);
  g_assert_nonnull (strstr (shown, "PDBR: 108"));
  g_assert_nonnull (strstr (shown, "Virtual Address 611c: Translates To What Physical Address"));
  g_assert_nonnull (strstr (shown, "VA 0x611c → PA 0x06bc, value 0x08"));
  walk = scene ();
  g_assert_nonnull (strstr (osl_scene_find (walk, "cr3")->text, "PDBR"));
  /* The mode menu names the format rather than showing nothing. */
  g_assert_cmpstr (gtk_string_object_get_string (gtk_drop_down_get_selected_item (
                     GTK_DROP_DOWN (find_child (page, GTK_TYPE_DROP_DOWN, "Paging mode")))), ==, "Textbook (OSTEP)");
  keep_screenshot ("paste-ostep");
  /* A linear table: one level, its base in a register. */
  gtk_editable_set_text (GTK_EDITABLE (entry), "paging-linear-translate.py -s 1 -n 2 -a 16k -p 32k -P 1k");
  g_signal_emit_by_name (entry, "activate");
  g_clear_pointer (&walk, osl_scene_unref);
  walk = scene ();
  g_assert_nonnull (strstr (osl_scene_find (walk, "cr3")->text, "PTBR"));
  g_assert_null (osl_scene_find (walk, "table-title-1"));
  gtk_window_destroy (GTK_WINDOW (dialog));
}

/* At 200 % the walk grows taller than the window instead of shrinking:
 * the diagram scrolls under the toolbar, it is painted at the full
 * zoom, and stepping brings the newest table into view. */
static void
test_zoomed_walk_scrolls (void)
{
  g_autoptr(GSettings) settings = g_settings_new (APP_ID);
  GtkWidget *diagram = find_child (page, g_type_from_name ("OslDiagramView"), NULL);
  GtkWidget *scroll = gtk_widget_get_ancestor (diagram, GTK_TYPE_SCROLLED_WINDOW);
  GtkAdjustment *adjustment = gtk_scrolled_window_get_vadjustment (GTK_SCROLLED_WINDOW (scroll));
  OslScene *shown;

  g_settings_set_double (settings, "zoom", 2);
  g_assert_true (osl_page_show_state (OSL_PAGE (page), "preset:read-only"));
  osl_test_gui_wait (300);
  g_assert_cmpfloat (gtk_adjustment_get_value (adjustment), ==, 0);
  for (guint s = 0; s < 3; s++)
    osl_page_step_forward (OSL_PAGE (page));
  osl_test_gui_wait (600);
  shown = osl_diagram_view_get_scene (OSL_DIAGRAM_VIEW (diagram));
  g_assert_cmpint (gtk_widget_get_height (diagram), >, gtk_widget_get_height (scroll));
  /* The scene is as wide as the view at 200 %: nothing is shrunk. */
  g_assert_cmpfloat (fabs (osl_scene_get_width (shown) * 2 - gtk_widget_get_width (diagram)), <, 2);
  /* The third table, the PD, starts the second row of tables, below
   * the top of the window: the diagram has scrolled to it. */
  g_assert_cmpfloat (gtk_adjustment_get_value (adjustment), >, 0);
  g_assert_cmpfloat (osl_scene_find (shown, "flag-2-P")->y * 2, >=, gtk_adjustment_get_value (adjustment));
  g_assert_cmpfloat (osl_scene_find (shown, "flag-2-P")->y * 2, <=,
                     gtk_adjustment_get_value (adjustment) + gtk_adjustment_get_page_size (adjustment));
  g_settings_set_double (settings, "zoom", 1);
  osl_test_gui_wait (300);
}

/* The scene's node @id lies within the scrolled window's view. */
static gboolean
node_in_view (GtkWidget  *diagram,
              const char *id)
{
  GtkWidget *scroll = gtk_widget_get_ancestor (diagram, GTK_TYPE_SCROLLED_WINDOW);
  GtkAdjustment *adjustment = gtk_scrolled_window_get_vadjustment (GTK_SCROLLED_WINDOW (scroll));
  OslSceneNode *node = osl_scene_find (osl_diagram_view_get_scene (OSL_DIAGRAM_VIEW (diagram)), id);
  double zoom = gtk_widget_get_width (diagram) / osl_scene_get_width (osl_diagram_view_get_scene (OSL_DIAGRAM_VIEW (diagram)));

  g_assert_nonnull (node);
  return node->y * zoom >= gtk_adjustment_get_value (adjustment) &&
         (node->y + MIN (node->h, 60)) * zoom <= gtk_adjustment_get_value (adjustment) + gtk_adjustment_get_page_size (adjustment);
}

/* A teacher projecting at 200 % in a 1500×940 window reads the story's
 * title and narration out when it opens, before any step, and keeps
 * the sentence in view while the first row of tables fills in. */
static void
test_zoomed_story_narration_in_view (void)
{
  static const char *stories[] = { "lecture-example", "read-only" };
  static const char *other_stories[] = { "page-fault", "ept" };
  g_autoptr(GSettings) settings = g_settings_new (APP_ID);
  GtkWidget *diagram = find_child (page, g_type_from_name ("OslDiagramView"), NULL);
  int old_width, old_height;

  gtk_window_get_default_size (GTK_WINDOW (window), &old_width, &old_height);
  gtk_window_set_default_size (GTK_WINDOW (window), 1500, 940);
  g_settings_set_double (settings, "zoom", 2);
  for (guint i = 0; i < G_N_ELEMENTS (stories); i++)
    {
      g_autofree char *state = g_strconcat ("preset:", stories[i], NULL);
      g_autofree char *name = g_strdup_printf ("%s-open-200", stories[i]);

      g_assert_true (osl_page_show_state (OSL_PAGE (page), state));
      osl_test_gui_wait (600);
      g_assert_true (node_in_view (diagram, "narration"));
      g_assert_true (node_in_view (diagram, "title"));
      keep_screenshot (name);
      osl_page_step_forward (OSL_PAGE (page));
      osl_test_gui_wait (800);
      g_assert_true (node_in_view (diagram, "flag-0-P"));
      g_assert_true (node_in_view (diagram, "narration"));
      g_clear_pointer (&name, g_free);
      name = g_strdup_printf ("%s-step1-200", stories[i]);
      keep_screenshot (name);
      for (guint s = 0; s < 3; s++)
        {
          osl_page_step_forward (OSL_PAGE (page));
          osl_test_gui_wait (800);
          g_clear_pointer (&name, g_free);
          name = g_strdup_printf ("%s-step%u-200", stories[i], s + 2);
          keep_screenshot (name);
        }
    }
  for (guint i = 0; i < G_N_ELEMENTS (other_stories); i++)
    {
      g_autofree char *state = g_strconcat ("preset:", other_stories[i], NULL);

      g_assert_true (osl_page_show_state (OSL_PAGE (page), state));
      for (guint s = 0; s < 4; s++)
        {
          g_autofree char *name = g_strdup_printf ("%s-step%u-200", other_stories[i], s);

          osl_test_gui_wait (600);
          keep_screenshot (name);
          osl_page_step_forward (OSL_PAGE (page));
        }
    }
  g_settings_set_double (settings, "zoom", 1);
  gtk_window_set_default_size (GTK_WINDOW (window), old_width, old_height);
  osl_test_gui_wait (300);
}

/* Only with OSL_SCREENSHOT_DIR: every preset, fully stepped, in each
 * theme at 100 % and 200 %, for a person to judge. */
static void
test_themes_and_zoom (void)
{
  static const char *themes[] = { "light", "dark", "high-contrast" };
  static const struct { const char *name; guint steps; } presets[] = {
    { "lecture-example", 3 }, { "entry-size", 3 }, { "tlb", 2 }, { "page-fault", 6 },
    { "swapping", 14 }, { "shared-memory", 8 }, { "read-only", 5 }, { "nx", 5 },
    { "large-pages", 2 }, { "canonical", 1 }, { "ept", 24 }, { "textbook", 3 }, { "memory-map", 0 },
  };
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
        for (guint p = 0; p < G_N_ELEMENTS (presets); p++)
          {
            g_autofree char *state = g_strconcat ("preset:", presets[p].name, NULL);
            g_autofree char *name = g_strdup_printf ("%s-%s-%u00", presets[p].name, themes[t], z);

            g_assert_true (osl_page_show_state (OSL_PAGE (page), state));
            for (guint s = 0; s < presets[p].steps; s++)
              osl_page_step_forward (OSL_PAGE (page));
            keep_screenshot (name);
          }
      }
  g_settings_set_string (settings, "theme", "light");
  g_settings_set_double (settings, "zoom", 1);
}

int
main (int    argc,
      char **argv)
{
  int status;

  gtk_test_init (&argc, &argv, NULL);
  app = osl_test_gui_start_app ();
  window = osl_test_gui_get_window (app);
  g_assert_true (gtk_widget_activate_action_variant (GTK_WIDGET (window), "win.page", g_variant_new_string ("memory")));
  osl_test_gui_wait (200);
  page = osl_window_get_visible_page (window);
  g_test_add_func ("/memory-page/lecture-steps", test_lecture_steps);
  g_test_add_func ("/memory-page/stories", test_stories);
  g_test_add_func ("/memory-page/typed-address", test_typed_address);
  g_test_add_func ("/memory-page/story-menu-follows-custom-walk", test_story_menu_follows_custom_walk);
  g_test_add_func ("/memory-page/edit-flags", test_edit_flags);
  g_test_add_func ("/memory-page/map-and-unmap", test_map_and_unmap);
  g_test_add_func ("/memory-page/save-and-open", test_save_and_open);
  g_test_add_func ("/memory-page/paste-ostep", test_paste_ostep);
  g_test_add_func ("/memory-page/zoomed-walk-scrolls", test_zoomed_walk_scrolls);
  g_test_add_func ("/memory-page/zoomed-story-narration-in-view", test_zoomed_story_narration_in_view);
  g_test_add_func ("/memory-page/themes-and-zoom", test_themes_and_zoom);
  status = g_test_run ();

  gtk_window_destroy (GTK_WINDOW (window));
  g_object_unref (app);
  return status;
}
