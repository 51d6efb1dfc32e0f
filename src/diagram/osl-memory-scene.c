/* osl-memory-scene.c: the memory view's diagrams
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>
#include <inttypes.h>

#include "osl-address.h"
#include "osl-memory-file.h"
#include "osl-memory-scene.h"

#define MARGIN 24.0
#define TITLE_SIZE 26.0
#define BODY_SIZE 16.0
#define SMALL_SIZE 15.0
#define SLICE_ROWS 5
#define COMPACT_SLICE_ROWS 3
#define TABLE_COLUMN_MIN 200.0  /* room for "511 0x8000000000203067" in 15 px monospace */
#define COMPACT_HEIGHT 640.0    /* below this the walk diagram drops what it can spare */
#define ROW_HEIGHT 28.0
#define END_COLUMN 130.0   /* CR3 on the left, the page on the right */

/* Field colours, top level first; the offset always gets the last one
 * and the sign extension is grey. Each field also carries its name, so
 * colour is never the only cue; the grey bits are plain rather than
 * striped because 16 striped cells cost 8 % of a 4K walk frame. */
static const OslColor field_colors[] = {
  OSL_COLOR_ORANGE, OSL_COLOR_SKY_BLUE, OSL_COLOR_GREEN, OSL_COLOR_PURPLE, OSL_COLOR_BLUE,
};

static OslColor
field_color (const OslAddressField *field,
             guint                  index,
             guint                  n_fields)
{
  if (g_str_equal (field->name, "sign extension"))
    return OSL_COLOR_MUTED;
  if (index == n_fields - 1)
    return OSL_COLOR_YELLOW;
  return field_colors[index % G_N_ELEMENTS (field_colors)];
}

static char *
hex (guint64 value,
     guint   bits)
{
  return osl_address_format (value, bits);
}

static char *
format_size (guint64 size)
{
  if (size >= G_GUINT64_CONSTANT (1) << 30)
    return g_strdup_printf ("%.1f GiB", size / (double) (1 << 30));
  if (size >= 1 << 20)
    return g_strdup_printf ("%.1f MiB", size / (double) (1 << 20));
  if (size >= 1024)
    return g_strdup_printf ("%" PRIu64 " KiB", size >> 10);
  return g_strdup_printf (_("%" PRIu64 " bytes"), size);
}

static OslSceneNode *
add_label (OslScene   *scene,
           const char *id,
           double      x,
           double      y,
           double      w,
           double      h,
           const char *text,
           double      size,
           OslNodeFlags flags)
{
  OslSceneNode *node = osl_scene_add_text (scene, id, x, y, w, h, text, size);

  node->flags |= flags;
  return node;
}

static void
add_title (OslScene   *scene,
           const char *title,
           double      width)
{
  add_label (scene, "title", MARGIN, 12, width - 2 * MARGIN, 36, title, TITLE_SIZE,
             OSL_NODE_FLAG_BOLD | OSL_NODE_FLAG_ALIGN_START);
}

#define BIT_CELL_MAX 36.0
#define BIT_CELL_MIN 17.0   /* narrower cells would squeeze a 15 px digit */
#define FIELD_GAP 20.0
#define SPLITTER_ROW_HEIGHT (22 + 36 + 6 + 50)
#define SPLITTER_ROW_GAP 14.0

/* Packs the fields into rows of at most @width pixels with bits @cell
 * wide, never breaking a field. Returns the number of rows. */
static guint
pack_fields (const OslAddressField *fields,
             guint                  n_fields,
             double                 width,
             double                 cell,
             guint                 *row_of)
{
  guint row = 0;
  double used = 0;

  for (guint f = 0; f < n_fields; f++)
    {
      double fw = (fields[f].high - fields[f].low + 1) * cell;

      if (used > 0 && used + FIELD_GAP + fw > width)
        {
          row++;
          used = 0;
        }
      used += (used > 0 ? FIELD_GAP : 0) + fw;
      row_of[f] = row;
    }
  return row + 1;
}

/* Breaks the fields into as few rows as bits BIT_CELL_MIN wide allow,
 * then widens the bits as far as that many rows still hold them: a
 * 64-bit address on a narrow canvas becomes two rows of wide bits rather
 * than one row of slivers. Fills row_of[], returns the number of rows
 * and sets *cell to the bit width. */
static guint
wrap_fields (const OslAddressField *fields,
             guint                  n_fields,
             double                 width,
             guint                 *row_of,
             double                *cell)
{
  double avail = width - 2 * MARGIN;
  guint widest = 1, n_rows;

  for (guint f = 0; f < n_fields; f++)
    widest = MAX (widest, fields[f].high - fields[f].low + 1);
  /* A field wider than the canvas at BIT_CELL_MIN gets a row of its own. */
  *cell = MIN (BIT_CELL_MIN, avail / widest);
  n_rows = pack_fields (fields, n_fields, avail, *cell, row_of);
  for (double wider = BIT_CELL_MAX; wider > *cell; wider -= 1)
    if (pack_fields (fields, n_fields, avail, wider, row_of) == n_rows)
      {
        *cell = wider;
        break;
      }
  return pack_fields (fields, n_fields, avail, *cell, row_of);
}

/* A generous guess at the height of wrapped text in @size pixels, so
 * that a scene is made tall enough for it rather than cut off. */
static double
text_height_at (const char *text,
                double      width,
                double      size)
{
  guint per_line = MAX (12, width / (size * 0.55));
  g_auto(GStrv) paragraphs = g_strsplit (text != NULL ? text : "", "\n", -1);
  guint n_lines = 0;

  for (guint i = 0; paragraphs[i] != NULL; i++)
    n_lines += MAX (1, (g_utf8_strlen (paragraphs[i], -1) + per_line - 1) / per_line);
  return n_lines * size * 1.4;
}

static double
text_height (const char *text,
             double      width)
{
  return text_height_at (text, width, BODY_SIZE);
}

/* How many rows the bit splitter takes at this width. */
static guint
bit_splitter_rows (const OslPagingConfig *config,
                   guint64                va,
                   double                 width)
{
  OslAddressField fields[OSL_WALK_MAX_STEPS + 2];
  guint row_of[OSL_WALK_MAX_STEPS + 2];
  guint n_fields = osl_paging_split (config, va, 0, fields);
  double cell;

  return wrap_fields (fields, n_fields, width, row_of, &cell);
}

/* A bit number centred over its cell, so that the numbers of two
 * neighbouring fields (22 | 21) stay apart by the gap between them. */
static void
add_bit_number (OslScene *scene,
                guint     bit,
                double    cell_x,
                double    cell,
                double    y)
{
  g_autofree char *id = g_strdup_printf ("bitno-%u", bit);
  g_autofree char *text = g_strdup_printf ("%u", bit);

  add_label (scene, id, cell_x + cell / 2 - 20, y, 40, 20, text, SMALL_SIZE, 0)->text_color = OSL_COLOR_MUTED;
}

/* The address as rows of bits grouped by field. Returns the y below it. */
static double
add_bit_splitter (OslScene              *scene,
                  const OslPagingConfig *config,
                  guint64                va,
                  guint64                page_size,
                  double                 y,
                  double                 width)
{
  OslAddressField fields[OSL_WALK_MAX_STEPS + 2];
  guint row_of[OSL_WALK_MAX_STEPS + 2];
  guint n_fields = osl_paging_split (config, va, page_size, fields);
  double cell, x = 0;
  guint n_rows = wrap_fields (fields, n_fields, width, row_of, &cell);

  for (guint f = 0; f < n_fields; f++)
    {
      const OslAddressField *field = &fields[f];
      guint n_bits = field->high - field->low + 1;
      double fw = n_bits * cell;
      double row_y = y + row_of[f] * (SPLITTER_ROW_HEIGHT + SPLITTER_ROW_GAP);
      OslColor color = field_color (field, f, n_fields);
      g_autofree char *id = g_strdup_printf ("field-%u", f);
      g_autofree char *target = g_strdup_printf ("field:%u", f);
      g_autofree char *value = hex (field->value, MAX (4, (n_bits + 3) / 4 * 4));
      g_autofree char *label = NULL;
      g_autofree char *tooltip = NULL;
      OslSceneNode *node;

      /* Each row is centred on its own. */
      if (f == 0 || row_of[f] != row_of[f - 1])
        {
          guint row_bits = 0, row_fields = 0;

          for (guint g = f; g < n_fields && row_of[g] == row_of[f]; g++, row_fields++)
            row_bits += fields[g].high - fields[g].low + 1;
          x = (width - (cell * row_bits + FIELD_GAP * (row_fields - 1))) / 2;
        }
      add_bit_number (scene, field->high, x, cell, row_y);
      if (n_bits > 1)
        add_bit_number (scene, field->low, x + fw - cell, cell, row_y);
      for (guint b = 0; b < n_bits; b++)
        {
          guint bit = field->high - b;
          g_autofree char *bit_id = g_strdup_printf ("bit-%u", bit);
          g_autofree char *bit_target = g_strdup_printf ("bit:%u", bit);
          g_autofree char *bit_tip = g_strdup_printf (_("Bit %u of the %s field; click to flip it"), bit, field->name);

          node = osl_scene_add_box (scene, bit_id, x + b * cell, row_y + 22, cell, 36, color,
                                    (va >> bit) & 1 ? "1" : "0");
          node->radius = 2;
          node->font_size = CLAMP (cell * 0.8, 15, 18);
          node->flags |= OSL_NODE_FLAG_MONOSPACE | OSL_NODE_FLAG_CLICKABLE;
          osl_scene_node_set_role (node, "bit");
          osl_scene_node_set_target (node, bit_target);
          osl_scene_node_set_tooltip (node, bit_tip);
        }
      if (g_str_equal (field->name, "sign extension"))
        label = g_strdup_printf (fw < 150 ? _("sign ext.\n%u–%u") : _("sign extension\n%u–%u"), field->high, field->low);
      else if (fw < 110)
        label = g_strdup_printf ("%s\n%" PRIu64, field->name, field->value);
      else
        label = g_strdup_printf ("%s · %u–%u\n%s = %" PRIu64,
                                 field->name, field->high, field->low, value, field->value);
      node = osl_scene_add_box (scene, id, x, row_y + 64, fw, 50, OSL_COLOR_SURFACE, label);
      node->stroke = color == OSL_COLOR_MUTED ? OSL_COLOR_BORDER : color;
      node->line_width = 3;
      node->font_size = fw < 120 ? SMALL_SIZE : BODY_SIZE;
      node->flags |= OSL_NODE_FLAG_CLICKABLE;
      tooltip = g_strdup_printf (_("%s: bits %u–%u = %" PRIu64 "; scroll here to step it"),
                                 field->name, field->high, field->low, field->value);
      osl_scene_node_set_role (node, "field");
      osl_scene_node_set_target (node, target);
      osl_scene_node_set_tooltip (node, tooltip);
      x += fw + FIELD_GAP;
    }
  return y + n_rows * SPLITTER_ROW_HEIGHT + (n_rows - 1) * SPLITTER_ROW_GAP;
}

static const struct
{
  OslPteFlags  flag;
  const char  *name;
  const char  *meaning;
} chip_flags[] = {
  { OSL_PTE_P, "P", N_("present") },
  { OSL_PTE_RW, "R/W", N_("writable (0 = read-only)") },
  { OSL_PTE_US, "U/S", N_("user may access (0 = supervisor only)") },
  { OSL_PTE_A, "A", N_("accessed: set by the CPU when the walk uses the entry") },
  { OSL_PTE_D, "D", N_("dirty: set by the CPU on the first write to the page") },
  { OSL_PTE_PS, "PS", N_("page size: this entry maps a large page") },
  { OSL_PTE_G, "G", N_("global: survives CR3 writes with CR4.PGE") },
  { OSL_PTE_NX, "NX", N_("no execute (XD)") },
};

static void
add_flag_chips (OslScene              *scene,
                const OslPagingConfig *config,
                guint                  column,
                const OslWalkStep     *step,
                double                 x,
                double                 y,
                double                 w)
{
  OslPteFlags flags = step->flags;
  double chip_w = (w - 3 * 4) / 4;

  /* The textbook format has a valid bit and nothing else. */
  if (config->mode == OSL_PAGING_TEXTBOOK)
    {
      g_autofree char *id = g_strdup_printf ("flag-%u-P", column);
      g_autofree char *target = g_strdup_printf ("flag:%u:P", column);
      g_autofree char *tip = g_strdup_printf (_("valid = %d (bit %u of the entry)"), (flags & OSL_PTE_P) != 0,
                                              config->textbook.valid_bit);
      OslSceneNode *chip = osl_scene_add_chip (scene, id, x, y, 2 * chip_w, 28,
                                               flags & OSL_PTE_P ? OSL_COLOR_GREEN : OSL_COLOR_NONE, _("valid"));

      chip->font_size = SMALL_SIZE;
      chip->flags |= OSL_NODE_FLAG_BOLD | OSL_NODE_FLAG_CLICKABLE;
      osl_scene_node_set_tooltip (chip, tip);
      osl_scene_node_set_target (chip, target);
      return;
    }

  /* Show the flags as they are in memory after the walk. */
  if (step->entry_after & OSL_PTE_A)
    flags |= OSL_PTE_A;
  if (step->leaf && (step->entry_after & OSL_PTE_D))
    flags |= OSL_PTE_D;
  for (guint i = 0; i < G_N_ELEMENTS (chip_flags); i++)
    {
      gboolean set = (flags & chip_flags[i].flag) != 0;
      g_autofree char *id = g_strdup_printf ("flag-%u-%s", column, chip_flags[i].name);
      g_autofree char *tip = g_strdup_printf ("%s = %d: %s", chip_flags[i].name, set, _(chip_flags[i].meaning));
      g_autofree char *target = g_strdup_printf ("flag:%u:%s", column, chip_flags[i].name);
      OslSceneNode *chip;

      /* Narrow columns (5-level walks) drop the slash: RW, US. */
      g_auto(GStrv) parts = g_strsplit (chip_flags[i].name, "/", -1);
      g_autofree char *label = g_strjoinv (chip_w < 46 ? "" : "/", parts);
      chip = osl_scene_add_chip (scene, id, x + (i % 4) * (chip_w + 4), y + (i / 4) * 34, chip_w, 28,
                                 set ? OSL_COLOR_GREEN : OSL_COLOR_NONE, label);
      chip->font_size = chip_w < 46 ? 14 : SMALL_SIZE;
      chip->flags |= OSL_NODE_FLAG_CLICKABLE | (set ? OSL_NODE_FLAG_BOLD : OSL_NODE_FLAG_DASHED);
      if (!set)
        chip->text_color = OSL_COLOR_MUTED;
      osl_scene_node_set_role (chip, "flag");
      osl_scene_node_set_tooltip (chip, tip);
      osl_scene_node_set_target (chip, target);
    }
}

/* A table drawn as the few entries around the selected one. Returns the
 * y of the selected row's middle, where the next arrow starts. */
static double
add_table_slice (OslScene                 *scene,
                 const OslMemoryWalkState *state,
                 guint                    column,
                 const OslWalkStep        *step,
                 OslColor                  color,
                 guint                     n_rows,
                 double                    x,
                 double                    y,
                 double                    w)
{
  guint n_entries = 1u << step->index_bits;
  guint first = step->index >= n_rows / 2 ? step->index - n_rows / 2 : 0;
  double selected_y = y;
  gboolean faulted = state->walk->fault_step == (gint) column;
  OslSceneNode *node;

  first = MIN (first, n_entries > n_rows ? n_entries - n_rows : 0);
  for (guint r = 0; r < n_rows && first + r < n_entries; r++)
    {
      guint index = first + r;
      gboolean selected = index == step->index;
      guint64 pa = step->entry_host_pa + ((gint64) index - (gint64) step->index) * step->entry_size;
      guint64 value = selected ? step->entry_after : osl_phys_mem_read (state->mem, pa, step->entry_size);
      g_autofree char *id = g_strdup_printf ("row-%u-%u", column, r);
      g_autofree char *value_text = g_strdup_printf ("0x%" PRIX64, value);
      g_autofree char *text = g_strdup_printf ("%u %s", index, value_text);
      g_autofree char *tip = g_strdup_printf (_("Entry %u at 0x%" PRIX64 " holds %s"),
                                              index, pa, value_text);

      node = osl_scene_add_box (scene, id, x, y + r * ROW_HEIGHT, w, ROW_HEIGHT,
                                selected ? color : OSL_COLOR_SURFACE, text);
      node->radius = 0;
      node->font_size = SMALL_SIZE;
      node->flags |= OSL_NODE_FLAG_MONOSPACE | OSL_NODE_FLAG_ALIGN_START;
      if (selected)
        {
          node->flags |= OSL_NODE_FLAG_BOLD | OSL_NODE_FLAG_EMPHASIS;
          node->stroke = faulted ? OSL_COLOR_ERROR : OSL_COLOR_ACCENT;
          node->line_width = 3;
          selected_y = y + r * ROW_HEIGHT + ROW_HEIGHT / 2;
        }
      else
        node->text_color = OSL_COLOR_MUTED;
      osl_scene_node_set_role (node, selected ? "entry" : "row");
      osl_scene_node_set_tooltip (node, tip);
    }
  return selected_y;
}

/* Monospace digits are about 0.6 em wide. */
#define MONO_ADVANCE 0.6

/* One line per step, "PD    0x00100000 + 770 × 4 = 0x00100C08 → …", or
 * two when the line would not fit @w, broken before the "=". */
static gboolean
arithmetic_wraps (const OslMemoryWalkState *state,
                  double                    w)
{
  guint bits = osl_paging_address_width (state->config) <= 32 ? 32 : 64;
  guint entry_bits = osl_paging_entry_size (state->config) * 8;
  guint n_chars = 6 + 3 * (bits / 4 + 2) + 4 + 3 * 3 + 8 + (entry_bits / 4 + 2) - (bits / 4 + 2);

  return n_chars * BODY_SIZE * MONO_ADVANCE > w;
}

static double
arithmetic_height (const OslMemoryWalkState *state,
                   guint                     n_lines,
                   double                    w)
{
  return 26.0 * MAX (1, n_lines) * (arithmetic_wraps (state, w) ? 2 : 1);
}

static void
add_arithmetic (OslScene                 *scene,
                const OslMemoryWalkState *state,
                guint                     first_step,
                guint                     n_steps,
                double                    x,
                double                    y,
                double                    w)
{
  GString *text = g_string_new (NULL);
  const OslWalk *walk = state->walk;
  guint table_bits = osl_paging_address_width (state->config) <= 32 ? 32 : 64;
  gboolean wraps = arithmetic_wraps (state, w);

  for (guint i = first_step; i < n_steps; i++)
    {
      const OslWalkStep *step = &walk->steps[i];
      g_autofree char *table = hex (step->table, table_bits);
      g_autofree char *entry_pa = hex (step->entry_pa, table_bits);
      g_autofree char *entry = hex (step->entry, step->entry_size * 8);

      g_string_append_printf (text, "%-5s %s + %u × %u%s= %s → %s\n", step->level, table,
                              step->index, step->entry_size, wraps ? "\n      " : " ", entry_pa, entry);
    }
  if (text->len > 0)
    g_string_truncate (text, text->len - 1);
  add_label (scene, "arithmetic", x, y, w, arithmetic_height (state, n_steps - first_step, w), text->str, BODY_SIZE,
             OSL_NODE_FLAG_MONOSPACE | OSL_NODE_FLAG_ALIGN_START | OSL_NODE_FLAG_VALIGN_TOP);
  g_string_free (text, TRUE);
}

#define TLB_PANEL_WIDTH 380.0
#define TLB_PANEL_GAP 20.0

static double
tlb_panel_height (const OslTlb *tlb)
{
  return 30 + tlb->n_entries * 32;
}

/* The TLB sits beside the walk's text when there is room for both,
 * and below it otherwise. */
static gboolean
tlb_beside (double width)
{
  return width - 2 * MARGIN >= TLB_PANEL_WIDTH + TLB_PANEL_GAP + 480;
}

static void
add_tlb_panel (OslScene     *scene,
               const OslTlb *tlb,
               guint64       va,
               gboolean      hit,
               double        x,
               double        y,
               double        w)
{
  g_autofree char *header = g_strdup_printf (_("TLB: %" PRIu64 " hits, %" PRIu64 " misses"),
                                             tlb->hits, tlb->misses);
  gint found = osl_tlb_find (tlb, va);

  add_label (scene, "tlb-title", x, y, w, 24, header, BODY_SIZE, OSL_NODE_FLAG_BOLD | OSL_NODE_FLAG_ALIGN_START);
  for (guint i = 0; i < tlb->n_entries; i++)
    {
      const OslTlbEntry *entry = &tlb->entries[i];
      g_autofree char *id = g_strdup_printf ("tlb-%u", i);
      g_autofree char *text = entry->valid
        ? g_strdup_printf ("0x%08" PRIX64 " → 0x%08" PRIX64, entry->page, entry->frame)
        : g_strdup (_("(empty)"));
      OslSceneNode *node = osl_scene_add_box (scene, id, x, y + 30 + i * 32, w, 28,
                                              (gint) i == found ? (hit ? OSL_COLOR_GREEN : OSL_COLOR_SKY_BLUE)
                                                                : OSL_COLOR_SURFACE, text);

      node->font_size = SMALL_SIZE;
      node->flags |= OSL_NODE_FLAG_MONOSPACE;
      if ((gint) i == found)
        node->flags |= OSL_NODE_FLAG_EMPHASIS;
      osl_scene_node_set_role (node, "tlb-entry");
    }
}

/* The walk's text column and, when it is shown, the TLB beside or
 * below it: returns the y below both, having placed the TLB. */
static double
add_text_and_tlb (OslScene                 *scene,
                  const OslMemoryWalkState *state,
                  double                    y,
                  double                    text_h,
                  double                    width)
{
  if (state->tlb == NULL)
    return y + text_h;
  if (tlb_beside (width))
    {
      add_tlb_panel (scene, state->tlb, state->va, state->tlb_hit, width - MARGIN - TLB_PANEL_WIDTH, y - 4,
                     TLB_PANEL_WIDTH);
      return y + MAX (text_h, tlb_panel_height (state->tlb));
    }
  add_tlb_panel (scene, state->tlb, state->va, state->tlb_hit, MARGIN, y + text_h + 8,
                 MIN (TLB_PANEL_WIDTH, width - 2 * MARGIN));
  return y + text_h + 8 + tlb_panel_height (state->tlb) + 8;
}

static double
text_column_width (const OslMemoryWalkState *state,
                   double                    width)
{
  if (state->tlb != NULL && tlb_beside (width))
    return width - 2 * MARGIN - TLB_PANEL_WIDTH - TLB_PANEL_GAP;
  return width - 2 * MARGIN;
}

/* The scene for an address that is refused, or a TLB hit: the
 * splitter, the message and the narration. */
static OslScene *
walk_scene_without_walk (const OslMemoryWalkState *state,
                         double                    width,
                         double                    height,
                         double                    top,
                         gboolean                  compact)
{
  double text_w = text_column_width (state, width);
  double message_h = MAX (70, text_height (state->va_problem, text_w - 24) + 24);
  double narration_h = state->narration != NULL ? MAX (60, text_height (state->narration, text_w)) : 0;
  double splitter_h = bit_splitter_rows (state->config, state->va, width) * (SPLITTER_ROW_HEIGHT + SPLITTER_ROW_GAP);
  double needed = top + splitter_h + 30 + message_h + 20 + narration_h + 8;
  OslScene *scene;
  OslSceneNode *node;
  double y;

  if (state->tlb != NULL && !tlb_beside (width))
    needed += 16 + tlb_panel_height (state->tlb);
  scene = osl_scene_new (width, MAX (height, needed), state->title);
  if (!compact)
    add_title (scene, state->title, width);
  y = add_bit_splitter (scene, state->config, state->va, 0, top, width) + 30;
  node = osl_scene_add_box (scene, "problem", MARGIN, y, text_w, message_h, OSL_COLOR_SURFACE,
                            state->va_problem != NULL ? state->va_problem : "");
  node->stroke = state->tlb != NULL ? OSL_COLOR_GREEN : OSL_COLOR_ERROR;
  node->line_width = 3;
  node->font_size = 18;
  osl_scene_node_set_role (node, "problem");
  y = add_text_and_tlb (scene, state, y + 4, message_h, width) + 16;
  if (state->narration != NULL)
    add_label (scene, "narration", MARGIN, y, text_w, narration_h, state->narration, BODY_SIZE,
               OSL_NODE_FLAG_ALIGN_START | OSL_NODE_FLAG_VALIGN_TOP);
  return scene;
}

#define CHAIN_GAP 20.0
#define CHAIN_ROW_GAP 40.0     /* room for the connector between two rows */
#define CHAIN_INDENT 18.0      /* where a connector comes down into a row */
#define TABLE_COLUMN_MAX 230.0

/* Where the chain's boxes go: CR3, each table, the page. On a narrow
 * canvas (a small window or a high zoom) the chain wraps into rows, so
 * that its text keeps its size instead of being shrunk to fit. */
typedef struct
{
  guint  n_items;
  double x[OSL_WALK_MAX_STEPS + 2];
  double y[OSL_WALK_MAX_STEPS + 2];    /* the top of the item's row */
  guint  row[OSL_WALK_MAX_STEPS + 2];
  guint  n_rows;
  double colw;
  double row_h;                        /* headers, slice and chips */
} ChainLayout;

static double
chain_item_width (const ChainLayout *chain,
                  guint              item)
{
  return item == 0 || item == chain->n_items - 1 ? END_COLUMN : chain->colw;
}

/* Fills the rows left to right in @avail pixels; returns their number. */
static guint
pack_chain (ChainLayout *chain,
            double       avail,
            double      *row_w)
{
  double used = 0;
  guint n_rows = 1;

  for (guint i = 0; i < chain->n_items; i++)
    {
      double w = chain_item_width (chain, i);

      if (used > 0 && used + CHAIN_GAP + w > avail)
        {
          n_rows++;
          used = 0;
        }
      chain->row[i] = n_rows - 1;
      chain->x[i] = used + (used > 0 ? CHAIN_GAP : 0);
      used = chain->x[i] + w;
      row_w[n_rows - 1] = used;
    }
  return n_rows;
}

static void
layout_chain (ChainLayout *chain,
              guint        n_items,
              double       width,
              double       top,
              double       slice_h)
{
  double avail = width - 2 * MARGIN, row_w[OSL_WALK_MAX_STEPS + 2] = { 0 }, indent = 0;
  guint n_tables = n_items - 2;

  chain->n_items = n_items;
  chain->row_h = 46 + slice_h + 8 + 2 * 34;
  /* One row if the tables get TABLE_COLUMN_MIN there; else rows of
   * wide tables (64-bit entries need the room), narrower only where
   * that saves a row, with a lane on the left for the connector. */
  chain->colw = n_tables > 0 ? (avail - CHAIN_GAP * (n_items - 1) - 2 * END_COLUMN) / n_tables : TABLE_COLUMN_MIN;
  if (chain->colw >= TABLE_COLUMN_MIN)
    {
      chain->colw = MIN (TABLE_COLUMN_MAX, chain->colw);
      chain->n_rows = pack_chain (chain, avail, row_w);
    }
  else
    {
      guint n_narrow;

      indent = CHAIN_INDENT;
      chain->colw = MIN (TABLE_COLUMN_MIN, avail - indent);
      n_narrow = pack_chain (chain, avail - indent, row_w);
      chain->colw = MIN (TABLE_COLUMN_MAX, avail - indent);
      chain->n_rows = pack_chain (chain, avail - indent, row_w);
      if (chain->n_rows > n_narrow)
        {
          chain->colw = MIN (TABLE_COLUMN_MIN, avail - indent);
          chain->n_rows = pack_chain (chain, avail - indent, row_w);
        }
    }
  /* Each row is centred on its own. */
  for (guint i = 0; i < n_items; i++)
    {
      chain->x[i] += MAX (MARGIN + indent, (width - row_w[chain->row[i]]) / 2);
      chain->y[i] = top + chain->row[i] * (chain->row_h + CHAIN_ROW_GAP);
    }
}

/* An arrow from the entry at (x1, y1) to the box at (x2, y2); when the
 * box starts the next row, it runs down the gap between the rows. */
static void
add_connector (OslScene   *scene,
               const char *id,
               double      x1,
               double      y1,
               double      x2,
               double      y2,
               double      row_top)
{
  OslSceneNode *node;

  if (x2 > x1)
    node = osl_scene_add_arrow (scene, id, x1 + 2, y1, x2 - 2, y2);
  else
    {
      double lane_y = row_top - CHAIN_ROW_GAP / 2, lane_x = x2 - CHAIN_INDENT + 4;
      const double points[][2] = {
        { x1, y1 }, { x1 + 12, y1 }, { x1 + 12, lane_y }, { lane_x, lane_y }, { lane_x, y2 },
      };

      for (guint i = 0; i + 1 < G_N_ELEMENTS (points); i++)
        {
          g_autofree char *segment_id = g_strdup_printf ("%s-segment-%u", id, i);

          node = osl_scene_add_arrow (scene, segment_id, points[i][0], points[i][1],
                                      points[i + 1][0], points[i + 1][1]);
          node->flags |= OSL_NODE_FLAG_NO_HEAD;
          node->stroke = OSL_COLOR_FOREGROUND;
          node->line_width = 2.5;
        }
      node = osl_scene_add_arrow (scene, id, lane_x, y2, x2 - 2, y2);
    }
  node->stroke = OSL_COLOR_FOREGROUND;
  node->line_width = 2.5;
}

static void
add_cr3 (OslScene                 *scene,
         const OslMemoryWalkState *state,
         double                    x,
         double                    y)
{
  guint addr_bits = osl_paging_address_width (state->config) == 32 ? 32 : 64;
  g_autofree char *cr3 = addr_bits == 32 ? hex (state->config->cr3, 32)
                                         : g_strdup_printf ("0x%" PRIX64, state->config->cr3);
  g_autofree char *text = NULL;
  OslSceneNode *node;

  if (state->config->mode == OSL_PAGING_TEXTBOOK)
    /* A one-level (linear) table has a page-table base register. */
    text = g_strdup_printf (state->config->textbook.n_levels == 1 ? _("PTBR\n%s") : _("PDBR\n%s"), cr3);
  else
    text = g_strdup_printf (state->nested ? _("gCR3\n%s\n(guest-physical)") : "CR3\n%s", cr3);
  node = osl_scene_add_box (scene, "cr3", x, y, END_COLUMN, 74, OSL_COLOR_SURFACE, text);
  node->flags |= OSL_NODE_FLAG_MONOSPACE | OSL_NODE_FLAG_BOLD;
  node->font_size = BODY_SIZE;
  osl_scene_node_set_role (node, "register");
  osl_scene_node_set_tooltip (node, _("CR3 holds the physical address of the top-level table"));
}

/* The page frame and the byte in it, below the entry that maps them. */
static void
add_page (OslScene      *scene,
          const OslWalk *walk,
          double         x,
          double         row_top,
          double         slice_h,
          gboolean       compact)
{
  g_autofree char *size = format_size (walk->page_size);
  g_autofree char *page = g_strdup_printf (_("page frame\n0x%" PRIX64 "\n(%s)"),
                                           walk->pa & ~(walk->page_size - 1), size);
  g_autofree char *byte = g_strdup_printf (_("byte\n0x%" PRIX64), walk->pa);
  /* A short slice leaves the frame too little room: it rises into
   * the headers' row. */
  double page_top = compact ? row_top : row_top + 46;
  OslSceneNode *node;

  node = osl_scene_add_box (scene, "page", x, page_top, END_COLUMN, row_top + 46 + slice_h - 56 - page_top,
                            OSL_COLOR_SURFACE, page);
  node->font_size = SMALL_SIZE;
  node->flags |= OSL_NODE_FLAG_MONOSPACE;
  osl_scene_node_set_role (node, "page");
  node = osl_scene_add_box (scene, "byte", x, row_top + 46 + slice_h - 50, END_COLUMN, 50,
                            OSL_COLOR_YELLOW, byte);
  node->flags |= OSL_NODE_FLAG_MONOSPACE | OSL_NODE_FLAG_BOLD | OSL_NODE_FLAG_EMPHASIS;
  node->font_size = SMALL_SIZE;
  osl_scene_node_set_role (node, "byte");
}

static char *
describe_result (const OslWalk *walk)
{
  if (walk->fault != OSL_FAULT_NONE)
    return osl_walk_describe_fault (walk);
  return g_strdup_printf (ngettext ("→ physical address 0x%" PRIX64 ", after %u memory reference",
                                    "→ physical address 0x%" PRIX64 ", after %u memory references",
                                    walk->n_references),
                          walk->pa, walk->n_references);
}

OslScene *
osl_memory_scene_walk (const OslMemoryWalkState *state,
                       double                    width,
                       double                    height)
{
  const OslWalk *walk = state->walk;
  guint n_steps = walk != NULL ? MIN (state->n_shown, walk->n_steps) : 0;
  gboolean finished = walk != NULL && state->n_shown > walk->n_steps;
  OslAddressField fields[OSL_WALK_MAX_STEPS + 2];
  guint n_fields, first_index_field;
  g_autofree char *result = NULL;
  ChainLayout chain;
  OslScene *scene;
  double y, prev_x, prev_y, text_w, result_h = 0, narration_h, needed;
  /* The view hands over the space divided by the zoom and scrolls a
   * taller scene: so the diagram reflows into what it is given
   * (splitter rows, rows of tables, fewer rows per table, no title,
   * which the story menu shows anyway) rather than cancel the zoom by
   * shrinking. */
  gboolean compact = height < COMPACT_HEIGHT;
  guint slice_rows = compact ? COMPACT_SLICE_ROWS : SLICE_ROWS;
  double slice_h = slice_rows * ROW_HEIGHT;
  double top = compact ? 12 : 58;
  guint arithmetic_first = compact && n_steps > 0 ? n_steps - 1 : 0;

  width = MAX (width, 2 * MARGIN + TABLE_COLUMN_MIN + CHAIN_INDENT);
  if (state->va_problem != NULL || walk == NULL)
    return walk_scene_without_walk (state, width, height, top, compact);

  /* Work out every height first: the scene's size comes before its nodes. */
  text_w = text_column_width (state, width);
  layout_chain (&chain, walk->n_steps + 2, width,
                top + bit_splitter_rows (state->config, state->va, width) * (SPLITTER_ROW_HEIGHT + SPLITTER_ROW_GAP)
                - SPLITTER_ROW_GAP + 26,
                slice_h);
  if (finished)
    {
      result = describe_result (walk);
      result_h = MAX (44, text_height (result, text_w - 24) + 16);
    }
  narration_h = MAX (60, text_height (state->narration, width - 2 * MARGIN));
  needed = chain.y[chain.n_items - 1] + chain.row_h + 16
    + arithmetic_height (state, n_steps - arithmetic_first, text_w) + 12
    + (state->tlb != NULL && !tlb_beside (width) ? 16 + tlb_panel_height (state->tlb) : 0)
    + result_h + 10 + narration_h + 8;
  scene = osl_scene_new (width, MAX (height, needed), state->title);
  height = osl_scene_get_height (scene);
  if (!compact)
    add_title (scene, state->title, width);
  add_bit_splitter (scene, state->config, state->va,
                    finished && walk->fault == OSL_FAULT_NONE ? walk->page_size : 0, top, width);
  n_fields = osl_paging_split (state->config, state->va, 0, fields);
  first_index_field = g_str_equal (fields[0].name, "sign extension") ? 1 : 0;

  /* The chain: CR3 → each table → page. */
  add_cr3 (scene, state, chain.x[0], chain.y[0] + 46);
  prev_x = chain.x[0] + END_COLUMN;
  prev_y = chain.y[0] + 46 + 37;
  for (guint i = 0; i < walk->n_steps; i++)
    {
      const OslWalkStep *step = &walk->steps[i];
      guint field = MIN (first_index_field + i, n_fields - 1);
      OslColor color = field_color (&fields[field], field, n_fields);
      g_autofree char *header_id = g_strdup_printf ("table-title-%u", i);
      g_autofree char *header = g_strdup_printf (step->from_register ? _("%s @ 0x%" PRIX64 "\nindex %u, in a register")
                                                                     : _("%s @ 0x%" PRIX64 "\nindex %u"),
                                                 step->level, step->table, step->index);
      g_autofree char *arrow_id = g_strdup_printf ("arrow-%u", i);
      double x = chain.x[i + 1], row_top = chain.y[i + 1], row_y;

      if (i >= n_steps)
        {
          /* Not reached yet: an empty placeholder keeps the layout still. */
          g_autofree char *ghost_id = g_strdup_printf ("ghost-%u", i);
          OslSceneNode *node = osl_scene_add_box (scene, ghost_id, x, row_top + 46, chain.colw, slice_h,
                                                  OSL_COLOR_NONE, step->level);

          node->flags |= OSL_NODE_FLAG_DASHED;
          node->text_color = OSL_COLOR_MUTED;
          continue;
        }
      add_label (scene, header_id, x, row_top, chain.colw, 44, header, SMALL_SIZE,
                 OSL_NODE_FLAG_MONOSPACE | OSL_NODE_FLAG_ALIGN_START);
      row_y = add_table_slice (scene, state, i, step, color, slice_rows, x, row_top + 46, chain.colw);
      add_flag_chips (scene, state->config, i, step, x, row_top + 46 + slice_h + 8, chain.colw);
      add_connector (scene, arrow_id, prev_x, prev_y, x, row_y, row_top);
      prev_x = x + chain.colw;
      prev_y = row_y;
    }

  /* The page and the byte, or the fault. */
  if (finished && walk->fault == OSL_FAULT_NONE)
    {
      guint last = chain.n_items - 1;

      add_page (scene, walk, chain.x[last], chain.y[last], slice_h, compact);
      add_connector (scene, "arrow-page", prev_x, prev_y, chain.x[last], chain.y[last] + 46 + slice_h - 18,
                     chain.y[last]);
    }

  /* The arithmetic, step by step, and what came of it. */
  y = chain.y[chain.n_items - 1] + chain.row_h + 16;
  add_arithmetic (scene, state, arithmetic_first, n_steps, MARGIN, y, text_w);
  y = add_text_and_tlb (scene, state, y, arithmetic_height (state, n_steps - arithmetic_first, text_w), width) + 12;
  if (finished)
    {
      OslSceneNode *node = osl_scene_add_box (scene, "result", MARGIN, y, text_w, result_h, OSL_COLOR_SURFACE, result);

      node->stroke = walk->fault == OSL_FAULT_NONE ? OSL_COLOR_GREEN : OSL_COLOR_ERROR;
      node->line_width = 3;
      node->font_size = 17;
      node->flags |= OSL_NODE_FLAG_BOLD;
      osl_scene_node_set_role (node, walk->fault == OSL_FAULT_NONE ? "result" : "fault");
      y += result_h + 10;
    }
  if (state->narration != NULL)
    add_label (scene, "narration", MARGIN, y, width - 2 * MARGIN, MAX (narration_h, height - y - 8), state->narration,
               BODY_SIZE, OSL_NODE_FLAG_ALIGN_START | OSL_NODE_FLAG_VALIGN_TOP);
  return scene;
}

#define EPT_CELL_H 56.0
#define EPT_CELL_GAP 8.0
#define EPT_CELL_MAX 150.0
#define EPT_PANEL_MIN 360.0

/* The reference just made and the count so far. */
static char *
describe_reference (const OslEptReference *current)
{
  if (current != NULL && current->guest)
    return g_strdup_printf (_("Reference %u reads the guest's %s entry %u.\nIts host address 0x%" PRIX64 " came from the four EPT reads before it.\nEntry: 0x%" PRIX64),
                            current->number, current->level, current->index, current->entry_pa, current->entry);
  if (current != NULL)
    return g_strdup_printf (_("Reference %u: the %s entry %u, to translate guest-physical 0x%" PRIX64 ".\nRead at host 0x%" PRIX64 ": 0x%" PRIX64),
                            current->number, current->level, current->index, current->gpa, current->entry_pa, current->entry);
  return g_strdup (_("gCR3 holds a guest-physical address, so even the first guest table needs a full EPT walk."));
}

static char *
describe_nested_result (const OslNestedWalk *walk)
{
  if (walk->guest.fault != OSL_FAULT_NONE)
    return osl_walk_describe_fault (&walk->guest);
  return g_strdup_printf (_("→ host-physical address 0x%" PRIX64 ". The data access itself would be reference %u; the count of %u leaves it out."),
                          walk->hpa, walk->n_refs + 1, walk->n_refs);
}

/* The two-dimensional walk as the usual 5 × 5 grid: one row per
 * guest-physical address translated, four EPT columns and the guest
 * entry the row makes readable. The panel that explains the newest
 * reference sits beside the grid, or below it on a narrow canvas. */
OslScene *
osl_memory_scene_ept_grid (const OslNestedWalk *walk,
                           guint                n_shown,
                           const char          *narration,
                           double               width,
                           double               height)
{
  static const char *column_names[] = { "EPT PML4", "EPT PDPT", "EPT PD", "EPT PT", N_("guest entry") };
  guint n_rows = MAX (walk->n_rows, 1), n_done = MIN (n_shown, walk->n_refs);
  double avail, label_w, cell_w, gx, gy, grid_bottom, px, py, pw, detail_h, result_h = 0, title_h, narration_h, y;
  gboolean beside;
  g_autofree char *title = NULL;
  g_autofree char *detail = NULL;
  g_autofree char *count = NULL;
  g_autofree char *result = NULL;
  OslScene *scene;
  OslSceneNode *node;
  const OslEptReference *current = n_done > 0 ? &walk->refs[n_done - 1] : NULL;

  width = MAX (width, 2 * MARGIN + 480);
  avail = width - 2 * MARGIN;
  beside = avail >= 250 + 5 * (110 + EPT_CELL_GAP) + 24 + EPT_PANEL_MIN;
  label_w = beside ? 250 : 150;
  cell_w = MIN (EPT_CELL_MAX, (avail - label_w - (beside ? 24 + EPT_PANEL_MIN : 0)) / 5 - EPT_CELL_GAP);

  /* A word joiner keeps the formula on one line when the title wraps. */
  title = g_strdup_printf (_("Nested walk: %u memory references, (n+1)⁠(m+1) − 1"), walk->n_refs);
  count = g_strdup_printf (_("%u of %u references"), n_done, walk->n_refs);
  detail = describe_reference (current);
  if (n_shown >= walk->n_refs)
    result = describe_nested_result (walk);

  /* Every height first: the scene's size comes before its nodes. */
  title_h = MAX (36, text_height_at (title, avail, TITLE_SIZE));
  gy = 12 + title_h + 14 + 34;
  gx = MARGIN + label_w;
  grid_bottom = gy + 5 * (EPT_CELL_H + EPT_CELL_GAP);
  if (beside)
    {
      px = gx + 5 * (cell_w + EPT_CELL_GAP) + 16;
      py = gy - 34;
    }
  else
    {
      px = MARGIN;
      py = grid_bottom + 8;
    }
  pw = width - MARGIN - px;
  detail_h = text_height (detail, pw);
  y = beside ? grid_bottom + 16 : py + 34 + detail_h + 16;
  if (result != NULL)
    result_h = MAX (48, text_height_at (result, avail - 24, 17) + 16);
  narration_h = narration != NULL ? MAX (60, text_height (narration, avail)) : 0;
  scene = osl_scene_new (width, MAX (height, y + result_h + 10 + narration_h + 8), title);
  height = osl_scene_get_height (scene);
  add_label (scene, "title", MARGIN, 12, avail, title_h, title, TITLE_SIZE,
             OSL_NODE_FLAG_BOLD | OSL_NODE_FLAG_ALIGN_START);

  for (guint c = 0; c < 5; c++)
    {
      g_autofree char *id = g_strdup_printf ("column-%u", c);

      add_label (scene, id, gx + c * (cell_w + EPT_CELL_GAP), gy - 34, cell_w, 28, _(column_names[c]), SMALL_SIZE,
                 OSL_NODE_FLAG_BOLD);
    }
  for (guint r = 0; r < n_rows; r++)
    {
      g_autofree char *id = g_strdup_printf ("row-label-%u", r);
      g_autofree char *text = NULL;

      if (r == 0)
        text = g_strdup (_("gCR3: the top guest table"));
      else if (r + 1 == n_rows && walk->guest.fault == OSL_FAULT_NONE)
        text = g_strdup (_("the data address"));
      else
        text = g_strdup_printf (_("guest table %u"), r + 1);
      add_label (scene, id, MARGIN, gy + r * (EPT_CELL_H + EPT_CELL_GAP), label_w - 12, EPT_CELL_H, text,
                 beside ? BODY_SIZE : SMALL_SIZE, OSL_NODE_FLAG_ALIGN_START);
      for (guint c = 0; c < 5; c++)
        {
          g_autofree char *cell_id = g_strdup_printf ("cell-%u-%u", r, c);

          node = osl_scene_add_box (scene, cell_id, gx + c * (cell_w + EPT_CELL_GAP), gy + r * (EPT_CELL_H + EPT_CELL_GAP),
                                    cell_w, EPT_CELL_H, OSL_COLOR_NONE, "");
          node->flags |= OSL_NODE_FLAG_DASHED;
          node->stroke = OSL_COLOR_BORDER;
        }
    }
  for (guint i = 0; i < n_done; i++)
    {
      const OslEptReference *ref = &walk->refs[i];
      g_autofree char *id = g_strdup_printf ("ref-%u", ref->number);
      /* Narrow cells leave "EPT" to the column heading. */
      const char *level = cell_w < 120 && g_str_has_prefix (ref->level, "EPT ") ? ref->level + 4 : ref->level;
      g_autofree char *text = g_strdup_printf ("%u\n%s", ref->number, level);
      g_autofree char *tip = g_strdup_printf (_("Reference %u: %s entry at host 0x%" PRIX64 " = 0x%" PRIX64),
                                              ref->number, ref->level, ref->entry_pa, ref->entry);

      node = osl_scene_add_token (scene, id, gx + ref->column * (cell_w + EPT_CELL_GAP) + 4,
                                  gy + ref->row * (EPT_CELL_H + EPT_CELL_GAP) + 4,
                                  cell_w - 8, EPT_CELL_H - 8, ref->guest ? OSL_COLOR_ORANGE : OSL_COLOR_SKY_BLUE,
                                  ref->guest ? OSL_PATTERN_STRIPES : OSL_PATTERN_SOLID, text);
      node->radius = 8;
      node->font_size = SMALL_SIZE;
      if (ref == current)
        node->flags |= OSL_NODE_FLAG_EMPHASIS;
      osl_scene_node_set_role (node, ref->guest ? "guest-reference" : "ept-reference");
      osl_scene_node_set_tooltip (node, tip);
    }

  add_label (scene, "count", px, py, pw, 28, count, 20, OSL_NODE_FLAG_BOLD | OSL_NODE_FLAG_ALIGN_START);
  add_label (scene, "detail", px, py + 34, pw, detail_h, detail, BODY_SIZE,
             OSL_NODE_FLAG_ALIGN_START | OSL_NODE_FLAG_VALIGN_TOP);
  if (result != NULL)
    {
      node = osl_scene_add_box (scene, "result", MARGIN, y, avail, result_h, OSL_COLOR_SURFACE, result);
      node->stroke = walk->guest.fault == OSL_FAULT_NONE ? OSL_COLOR_GREEN : OSL_COLOR_ERROR;
      node->line_width = 3;
      node->font_size = 17;
      y += result_h + 10;
    }
  if (narration != NULL)
    add_label (scene, "narration", MARGIN, y, avail, MAX (narration_h, height - y - 8), narration, BODY_SIZE,
               OSL_NODE_FLAG_ALIGN_START | OSL_NODE_FLAG_VALIGN_TOP);
  return scene;
}

#define STORY_PROCESS_WIDE 420.0  /* "0x08048000 → not present (on disk, slot 1)" */
#define STORY_PROCESS_MIN 230.0   /* the same in two lines */
#define STORY_PROCESS_GAP 16.0

static guint
pages_of_process (const OslVmStory *story,
                  guint             pid)
{
  guint n = 0;

  for (guint s = 0; s < story->n_slots; s++)
    for (guint o = 0; o < story->slots[s].n_owners; o++)
      n += story->slots[s].owner_pid[o] == pid;
  return n;
}

/* The last four events, the newest in bold, as Pango markup. */
static char *
story_narration (GArray *events,
                 guint   n_shown)
{
  GString *text = g_string_new (NULL);
  guint first = n_shown > 4 ? n_shown - 4 : 0;

  for (guint i = first; events != NULL && i < MIN (n_shown, events->len); i++)
    {
      g_autofree char *line = g_markup_escape_text (g_array_index (events, OslVmEvent, i).text, -1);

      g_string_append_printf (text, "%s%s%s\n", i + 1 == n_shown ? "<b>" : "", line,
                              i + 1 == n_shown ? "</b>" : "");
    }
  return g_string_free (text, FALSE);
}

/* Processes, their page tables, the frames and the disk: pages are
 * tokens that travel between a disk slot and a frame. */
OslScene *
osl_memory_scene_story (const OslVmStory *story,
                        GArray           *events,
                        guint             n_shown,
                        const char       *title,
                        double            width,
                        double            height)
{
  double frame_w, y_frames, y_disk, x, y, pw, pte_h, process_h, narration_h;
  guint n_columns, n_cells = MAX (story->n_frames, story->n_slots), max_rows = 0;
  const OslVmEvent *current = NULL;
  g_autofree char *narration = NULL;
  OslScene *scene;
  OslSceneNode *node;

  width = MAX (width, 2 * MARGIN + 480);
  if (events != NULL && n_shown > 0 && n_shown <= events->len)
    current = &g_array_index (events, OslVmEvent, n_shown - 1);
  narration = story_narration (events, n_shown);

  /* Processes side by side while a PTE line fits, else one above the
   * other; then the frames and the disk, as tall as that makes them. */
  for (guint p = 0; p < story->n_processes; p++)
    max_rows = MAX (max_rows, pages_of_process (story, p));
  n_columns = MAX (1, story->n_processes);
  if ((width - 2 * MARGIN - STORY_PROCESS_GAP * (n_columns - 1)) / n_columns < STORY_PROCESS_MIN)
    n_columns = 1;
  pw = (width - 2 * MARGIN - STORY_PROCESS_GAP * (n_columns - 1)) / n_columns;
  pte_h = pw >= STORY_PROCESS_WIDE ? 30 : 48;
  process_h = 44 + max_rows * (pte_h + 4) + 12;
  y_frames = 60 + ((story->n_processes + n_columns - 1) / n_columns) * process_h + 34;
  y_disk = y_frames + 110 + 26 + 46;
  narration_h = MAX (100, text_height (narration, width - 2 * MARGIN) + 20);
  scene = osl_scene_new (width, MAX (height, y_disk + 128 + narration_h + 8), title);
  height = osl_scene_get_height (scene);
  add_title (scene, title, width);

  /* Each process with the pages it owns and what its PTE says. */
  for (guint p = 0; p < story->n_processes; p++)
    {
      const OslVmProcess *process = &story->processes[p];
      g_autofree char *id = g_strdup_printf ("process-%u", p);
      g_autofree char *text = g_strdup_printf (_("%s · CR3 0x%08" PRIX64), process->name, process->cr3);
      guint row = 0;

      x = MARGIN + (p % n_columns) * (pw + STORY_PROCESS_GAP);
      y = 60 + (p / n_columns) * process_h;
      node = osl_scene_add_box (scene, id, x, y, pw, 36, OSL_COLOR_SURFACE, text);
      node->flags |= OSL_NODE_FLAG_BOLD;
      node->stroke = current != NULL && current->pid == p ? OSL_COLOR_ACCENT : OSL_COLOR_BORDER;
      node->line_width = current != NULL && current->pid == p ? 3 : 1.5;
      for (guint s = 0; s < story->n_slots; s++)
        for (guint o = 0; o < story->slots[s].n_owners; o++)
          {
            const OslVmSlot *slot = &story->slots[s];
            g_autofree char *pte_id = NULL;
            g_autofree char *pte = NULL;
            OslPagingConfig config;
            OslWalk walk;
            OslAccess peek = { OSL_ACCESS_READ, FALSE };
            g_autoptr(OslPhysMem) copy = NULL;

            if (slot->owner_pid[o] != p)
              continue;
            /* Read the PTE on a copy, so that looking sets no A bit. */
            copy = osl_phys_mem_copy (story->mem);
            osl_vm_story_config (story, p, &config);
            osl_paging_walk (copy, &config, slot->owner_va[o], peek, &walk);
            /* A narrow column breaks the line after the page. */
            if (walk.fault == OSL_FAULT_NONE)
              pte = g_strdup_printf (_("0x%08" PRIX64 " → frame %d%s(PTE 0x%08" PRIX64 ")"),
                                     slot->owner_va[o], slot->frame, pte_h > 30 ? "\n" : "  ",
                                     walk.steps[walk.n_steps - 1].entry);
            else
              pte = g_strdup_printf (_("0x%08" PRIX64 " → not present%s(on disk, slot %u)"),
                                     slot->owner_va[o], pte_h > 30 ? "\n" : " ", s);
            pte_id = g_strdup_printf ("pte-%u-%u", p, s);
            node = osl_scene_add_box (scene, pte_id, x, y + 44 + row * (pte_h + 4), pw, pte_h,
                                      walk.fault == OSL_FAULT_NONE ? OSL_COLOR_SURFACE : OSL_COLOR_NONE, pte);
            node->font_size = SMALL_SIZE;
            node->flags |= OSL_NODE_FLAG_MONOSPACE | (walk.fault == OSL_FAULT_NONE ? 0 : OSL_NODE_FLAG_DASHED);
            if (current != NULL && current->pid == p && (current->va & ~(guint64) 0xFFF) == slot->owner_va[o])
              node->flags |= OSL_NODE_FLAG_EMPHASIS;
            osl_scene_node_set_role (node, "pte");
            row++;
          }
    }

  /* Physical frames, then disk slots; each page is a token in one. */
  add_label (scene, "frames-title", MARGIN, y_frames - 30, width - 2 * MARGIN, 26, _("Physical memory: page frames (LRU age below)"),
             BODY_SIZE, OSL_NODE_FLAG_BOLD | OSL_NODE_FLAG_ALIGN_START);
  frame_w = MIN (150, (width - 2 * MARGIN - 10 * (n_cells - 1)) / MAX (1, n_cells));
  for (guint f = 0; f < story->n_frames; f++)
    {
      g_autofree char *id = g_strdup_printf ("frame-%u", f);
      g_autofree char *text = g_strdup_printf (_("frame %u\n0x%08" PRIX64), f,
                                               OSL_VM_FRAME_BASE + f * (guint64) OSL_PHYS_FRAME_SIZE);
      g_autofree char *age_id = g_strdup_printf ("frame-age-%u", f);
      g_autofree char *age = story->frames[f].used
        ? g_strdup_printf (_("last used at t=%" PRIu64), story->frames[f].last_used)
        : g_strdup (_("free"));

      node = osl_scene_add_box (scene, id, MARGIN + f * (frame_w + 10), y_frames, frame_w, 110, OSL_COLOR_SURFACE, text);
      node->flags |= OSL_NODE_FLAG_VALIGN_TOP;
      node->font_size = SMALL_SIZE;
      if (current != NULL && current->frame == (gint) f)
        node->flags |= OSL_NODE_FLAG_EMPHASIS;
      add_label (scene, age_id, MARGIN + f * (frame_w + 10), y_frames + 114, frame_w, 22, age, SMALL_SIZE, 0)
        ->text_color = OSL_COLOR_MUTED;
    }
  add_label (scene, "disk-title", MARGIN, y_disk - 30, width - 2 * MARGIN, 26, _("Disk: one slot per page"),
             BODY_SIZE, OSL_NODE_FLAG_BOLD | OSL_NODE_FLAG_ALIGN_START);
  for (guint s = 0; s < story->n_slots; s++)
    {
      const OslVmSlot *slot = &story->slots[s];
      g_autofree char *id = g_strdup_printf ("slot-%u", s);
      g_autofree char *label = g_strdup_printf (_("slot %u"), s);
      g_autofree char *token_id = g_strdup_printf ("page-%u", s);
      g_autofree char *token_text = NULL;
      double sx = MARGIN + s * (frame_w + 10), tx, ty;

      node = osl_scene_add_box (scene, id, sx, y_disk, frame_w, 90, OSL_COLOR_NONE, label);
      node->flags |= OSL_NODE_FLAG_DASHED | OSL_NODE_FLAG_VALIGN_TOP;
      node->font_size = SMALL_SIZE;
      if (current != NULL && current->slot == (gint) s)
        node->flags |= OSL_NODE_FLAG_EMPHASIS;
      {
        GString *owners = g_string_new (NULL);

        /* A shared page names every process that maps it. */
        for (guint o = 0; o < slot->n_owners; o++)
          g_string_append_printf (owners, "%s%s", o > 0 ? " + " : "", story->processes[slot->owner_pid[o]].name);
        token_text = g_strdup_printf ("%s\n%.24s", owners->str, (const char *) slot->data);
        g_string_free (owners, TRUE);
      }
      if (slot->frame >= 0)
        {
          tx = MARGIN + slot->frame * (frame_w + 10) + 8;
          ty = y_frames + 50;
        }
      else
        {
          tx = sx + 8;
          ty = y_disk + 30;
        }
      node = osl_scene_add_token (scene, token_id, tx, ty, frame_w - 16, 52,
                                  slot->n_owners > 1 ? OSL_COLOR_PURPLE : OSL_COLOR_ORANGE,
                                  slot->n_owners > 1 ? OSL_PATTERN_DOTS : OSL_PATTERN_SOLID, token_text);
      node->radius = 10;
      node->font_size = SMALL_SIZE;
      osl_scene_node_set_role (node, "page");
    }

  /* The narration: the events so far, the newest emphasised. */
  {
    g_autofree char *stats = g_strdup_printf (_("page faults %u · evictions %u · disk reads %u · disk writes %u"),
                                              story->n_faults, story->n_evictions, story->n_disk_reads,
                                              story->n_disk_writes);

    add_label (scene, "stats", MARGIN, y_disk + 100, width - 2 * MARGIN, 24, stats, SMALL_SIZE,
               OSL_NODE_FLAG_ALIGN_START)->text_color = OSL_COLOR_MUTED;
    add_label (scene, "narration", MARGIN, y_disk + 128, width - 2 * MARGIN, MAX (narration_h, height - y_disk - 136),
               narration, BODY_SIZE, OSL_NODE_FLAG_ALIGN_START | OSL_NODE_FLAG_VALIGN_TOP | OSL_NODE_FLAG_MARKUP);
  }
  return scene;
}

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

/* A first address worth walking in @mem: the lecture's, then others. */
guint64
osl_memory_scene_default_va (const OslPagingConfig *config,
                             OslPhysMem            *mem,
                             guint64                eptp,
                             gboolean               nested)
{
  static const guint64 candidates[] = {
    0x60001000, 0xC0801ABC, 0xC0A01ABC, G_GUINT64_CONSTANT (0x00007F1234567ABC), G_GUINT64_CONSTANT (0x0000800000000000),
  };
  const OslAccess access = { OSL_ACCESS_READ, FALSE };

  for (guint i = 0; i < G_N_ELEMENTS (candidates); i++)
    {
      g_autoptr(OslPhysMem) copy = osl_phys_mem_copy (mem);
      g_autofree OslNestedWalk *walk = g_new0 (OslNestedWalk, 1);

      if (!osl_address_check (config, candidates[i], NULL))
        continue;
      if (nested)
        osl_ept_walk (copy, config, eptp, candidates[i], access, walk);
      else
        osl_paging_walk (copy, config, candidates[i], access, &walk->guest);
      if (walk->guest.fault == OSL_FAULT_NONE)
        return candidates[i];
    }
  return 0;
}

/* For export and the CLI: a memory file's walk (its EPT grid when it is
 * nested), or the lecture's example without a file. */
OslScene *
osl_memory_scene_for_file (const char  *path,
                           double       width,
                           double       height,
                           GError     **error)
{
  g_autoptr(OslMemoryFile) file = NULL;
  g_autofree char *title = NULL;
  OslMemoryWalkState state = { 0 };
  OslAccess access = { OSL_ACCESS_READ, TRUE };
  OslWalk walk;

  if (path != NULL)
    {
      file = osl_memory_file_load (path, error);
      if (file == NULL)
        return NULL;
    }
  else
    {
      /* The lecture: VA 0x60001000 → PA 0x70001000. */
      file = osl_memory_file_new (OSL_PAGING_X86_32);
      file->config.cr3 = 0x00100000;
      osl_phys_mem_write (file->mem, 0x00100000 + 384 * 4, 4, 0x00200007);
      osl_phys_mem_write (file->mem, 0x00200000 + 1 * 4, 4, 0x70001007);
    }
  state.va = osl_memory_scene_default_va (&file->config, file->mem, file->eptp, file->nested);
  if (file->nested)
    {
      g_autofree OslNestedWalk *nested = g_new0 (OslNestedWalk, 1);

      osl_ept_walk (file->mem, &file->config, file->eptp, state.va, access, nested);
      return osl_memory_scene_ept_grid (nested, G_MAXUINT, NULL, width, height);
    }
  osl_paging_walk (file->mem, &file->config, state.va, access, &walk);
  title = g_strdup_printf (_("Page walk: %s"), osl_paging_mode_describe (file->config.mode));
  state.config = &file->config;
  state.mem = file->mem;
  state.walk = &walk;
  state.n_shown = G_MAXUINT;
  state.title = title;
  return osl_memory_scene_walk (&state, width, height);
}
