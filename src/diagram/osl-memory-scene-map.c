/* osl-memory-scene-map.c: the app's own memory map, from /proc/self/maps
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include "osl-memory-scene-private.h"

typedef struct
{
  guint64        start, end;
  char          *path;
  char           perms[32];
  OslRegionKind  kind;
  gint           first_region;
} MapRow;

static void
map_row_clear (gpointer data)
{
  g_free (((MapRow *) data)->path);
}

/* Neighbouring mappings of one file (its code, data, …) become one row. */
static GArray *
merge_regions (GArray *regions)
{
  GArray *rows = g_array_new (FALSE, TRUE, sizeof (MapRow));

  g_array_set_clear_func (rows, map_row_clear);
  for (guint i = 0; i < regions->len; i++)
    {
      const OslMapRegion *region = &g_array_index (regions, OslMapRegion, i);
      MapRow *last = rows->len > 0 ? &g_array_index (rows, MapRow, rows->len - 1) : NULL;

      if (last != NULL && (region->path[0] == '/' || region->path[0] == '\0') &&
          g_str_equal (last->path, region->path) && last->end == region->start &&
          strlen (last->perms) + 6 < sizeof last->perms)
        {
          last->end = region->end;
          g_strlcat (last->perms, " ", sizeof last->perms);
          g_strlcat (last->perms, region->perms, sizeof last->perms);
          if (region->kind == OSL_REGION_CODE)
            last->kind = OSL_REGION_CODE;
          continue;
        }
      g_array_append_vals (rows, &(MapRow) { region->start, region->end, g_strdup (region->path), "",
                                             region->kind, i }, 1);
      g_strlcpy (g_array_index (rows, MapRow, rows->len - 1).perms, region->perms, 32);
    }
  return rows;
}

static OslColor
region_color (OslRegionKind kind)
{
  switch (kind)
    {
    case OSL_REGION_CODE:
      return OSL_COLOR_BLUE;
    case OSL_REGION_DATA:
      return OSL_COLOR_SKY_BLUE;
    case OSL_REGION_HEAP:
      return OSL_COLOR_ORANGE;
    case OSL_REGION_STACK:
      return OSL_COLOR_GREEN;
    case OSL_REGION_KERNEL:
      return OSL_COLOR_PURPLE;
    case OSL_REGION_ANONYMOUS:
    default:
      return OSL_COLOR_YELLOW;
    }
}


/* How much a row tells about a process: its program, heap, stack and
 * kernel-provided pages first, then anonymous memory, then libraries. */
static guint
row_priority (const MapRow *row)
{
  if (row->kind == OSL_REGION_ANONYMOUS)
    return 1;
  if ((row->kind == OSL_REGION_CODE || row->kind == OSL_REGION_DATA) && strstr (row->path, ".so") != NULL)
    return 2;
  if (row->kind == OSL_REGION_DATA && row->path[0] == '/' && strstr (row->path, "/bin/") == NULL)
    return 2;
  return 0;
}

#define MAP_LINE_CHARS 104
#define MAP_MIN_ROWS 12

/* The process's own memory map, highest address at the top as in most
 * textbook figures; what does not fit is counted in the footer. */
OslScene *
osl_memory_scene_map (GArray *regions,
                      gint    selected,
                      double  width,
                      double  height)
{
  g_autoptr(GArray) rows = merge_regions (regions);
  g_autofree gboolean *keep = g_new0 (gboolean, rows->len + 1);
  g_autofree char *title = g_strdup (_("This app's memory map (/proc/self/maps), highest address first"));
  g_autofree char *footer = NULL;
  guint max_rows, shown = 0;
  double title_h, y, row_h, footer_h;
  gboolean two_lines;
  OslScene *scene;
  OslSceneNode *node;

  /* A row is one line of about 100 monospace characters; narrower, it
   * takes two: the addresses, size and rights, then what it holds. At
   * least MAP_MIN_ROWS rows are shown; the page scrolls what the
   * window cannot hold. */
  width = MAX (width, 2 * MARGIN + 480);
  two_lines = width - 2 * MARGIN < MAP_LINE_CHARS * SMALL_SIZE * MONO_ADVANCE;
  row_h = two_lines ? 48 : 30;
  title_h = MAX (36, text_height_at (title, width - 2 * MARGIN, TITLE_SIZE));
  y = 12 + title_h + 16;
  max_rows = MAX (MAP_MIN_ROWS, (height - y - 60) / (row_h + 4));
  shown = MIN (rows->len, max_rows);
  footer = g_strdup_printf (_("%u mappings, %u rows, %u shown (libraries are left out first). Outline colours: blue code, sky blue file data, orange heap, green stack, purple kernel-provided, yellow anonymous."),
                            regions->len, rows->len, shown);
  footer_h = MAX (44, text_height_at (footer, width - 2 * MARGIN, SMALL_SIZE) + 8);
  scene = osl_scene_new (width, MAX (height, y + shown * (row_h + 4) + 4 + footer_h + 8),
                         _("This app's memory map (/proc/self/maps)"));
  add_label (scene, "title", MARGIN, 12, width - 2 * MARGIN, title_h, title, TITLE_SIZE,
             OSL_NODE_FLAG_BOLD | OSL_NODE_FLAG_ALIGN_START);
  for (guint priority = 0, n_kept = 0; priority < 3; priority++)
    for (guint i = 0; i < rows->len && n_kept < shown; i++)
      if (row_priority (&g_array_index (rows, MapRow, i)) == priority)
        {
          keep[i] = TRUE;
          n_kept++;
        }
  for (gint i = rows->len - 1; i >= 0; i--)
    {
      const MapRow *row = &g_array_index (rows, MapRow, i);
      g_autofree char *id = NULL;
      g_autofree char *text = NULL;
      g_autofree char *size = NULL;
      g_autofree char *target = NULL;
      g_autofree char *tip = NULL;
      const char *name;

      if (!keep[i])
        continue;
      name = row->path[0] != '\0' ? row->path : _("(anonymous)");
      if (strrchr (name, '/') != NULL)
        name = strrchr (name, '/') + 1;
      size = format_size (row->end - row->start);
      /* In one line the rights are padded so that the names align. */
      text = g_strdup_printf ("0x%012" PRIx64 " – 0x%012" PRIx64 "  %9s  %-*s%s%s — %s",
                              row->start, row->end, size, two_lines ? 0 : 14, row->perms,
                              two_lines ? "\n" : " ", name,
                              osl_map_region_describe (&(OslMapRegion) { .kind = row->kind }));
      id = g_strdup_printf ("region-%u", row->first_region);
      target = g_strdup_printf ("region:%u", row->first_region);
      tip = g_strdup_printf (_("Click to walk 0x%" PRIx64 ", the start of %s"), row->start, name);
      node = osl_scene_add_box (scene, id, MARGIN, y, width - 2 * MARGIN, row_h, OSL_COLOR_SURFACE, text);
      node->stroke = region_color (row->kind);
      node->line_width = 3;
      node->font_size = SMALL_SIZE;
      node->flags |= OSL_NODE_FLAG_MONOSPACE | OSL_NODE_FLAG_ALIGN_START | OSL_NODE_FLAG_CLICKABLE;
      if (row->first_region == selected)
        node->flags |= OSL_NODE_FLAG_EMPHASIS;
      osl_scene_node_set_role (node, "region");
      osl_scene_node_set_target (node, target);
      osl_scene_node_set_tooltip (node, tip);
      y += row_h + 4;
    }
  add_label (scene, "map-footer", MARGIN, y + 4, width - 2 * MARGIN, footer_h, footer, SMALL_SIZE,
             OSL_NODE_FLAG_ALIGN_START)->text_color = OSL_COLOR_MUTED;
  return scene;
}
