/* osl-memory-scene.c: the bit splitter and the page-table walk
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "osl-address.h"
#include "osl-memory-file.h"
#include "osl-memory-scene-private.h"

#define SLICE_ROWS 5
#define COMPACT_SLICE_ROWS 3
#define COMPACT_HEIGHT 640.0    /* below this the walk diagram drops what it can spare */
#define ROW_HEIGHT 28.0
#define END_COLUMN 130.0   /* CR3 on the left, the page on the right */
#define BAND_TITLE_H 26.0  /* a compact scene's title, over its narration */

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

#define BIT_CELL_MAX 36.0
#define BIT_CELL_MIN 17.0   /* narrower cells would squeeze a 15 px digit */
#define FIELD_GAP 20.0

/* The heights in one row of the splitter. A compact splitter (a zoomed
 * or short view) drops the bit numbers, whose ranges its field boxes
 * state in large type, and flattens the rest: at 200 % a 64-bit
 * address and the walk's first table then fit one screen together. */
typedef struct
{
  double number_h;    /* the bit numbers over the first and last bit */
  double bit_h;
  double field_h;     /* the field's name, range and value */
  double row_gap;
} SplitterGeometry;

static const SplitterGeometry full_splitter = { 22, 36, 50, 14 };
static const SplitterGeometry compact_splitter = { 0, 28, 46, 10 };
#define SPLITTER_BIT_GAP 6.0     /* between the bits and their field box */

static const SplitterGeometry *
splitter_geometry (gboolean compact)
{
  return compact ? &compact_splitter : &full_splitter;
}

static double
splitter_row_height (const SplitterGeometry *geometry)
{
  return geometry->number_h + geometry->bit_h + SPLITTER_BIT_GAP + geometry->field_h;
}

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

/* The mode's fields, and one more before them at most. */
#define SPLITTER_MAX_FIELDS (OSL_WALK_MAX_STEPS + 3)

/* The fields the splitter draws: the mode's, preceded, for an address
 * too wide for the mode, by its bits above the mode's width (whole hex
 * digits of them), so that 0x1_0000_0000 in 32-bit paging does not
 * look like 0. Returns how many fields come before the mode's. */
static guint
split_for_display (const OslPagingConfig *config,
                   guint64                va,
                   guint64                page_size,
                   OslAddressField       *fields,
                   guint                 *n_fields)
{
  guint width = osl_paging_address_width (config);
  guint extra = width < 64 && va >> width != 0 ? 1 : 0;

  if (extra > 0)
    {
      guint top_bit = 63 - __builtin_clzll (va);
      OslAddressField *wide = &fields[0];

      g_strlcpy (wide->name, "out of range", sizeof wide->name);
      wide->low = width;
      wide->high = MIN (63, width + ((top_bit - width) / 4 + 1) * 4 - 1);
      wide->value = va >> width;
    }
  *n_fields = extra + osl_paging_split (config, va, page_size, fields + extra);
  return extra;
}

/* The height of the bit splitter at this width. */
static double
bit_splitter_height (const OslPagingConfig *config,
                     guint64                va,
                     double                 width,
                     gboolean               compact)
{
  const SplitterGeometry *geometry = splitter_geometry (compact);
  OslAddressField fields[SPLITTER_MAX_FIELDS];
  guint row_of[SPLITTER_MAX_FIELDS];
  guint n_fields;
  double cell;
  guint n_rows;

  split_for_display (config, va, 0, fields, &n_fields);
  n_rows = wrap_fields (fields, n_fields, width, row_of, &cell);
  return n_rows * splitter_row_height (geometry) + (n_rows - 1) * geometry->row_gap;
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

/* The box under the bits beyond the mode: what they are, in words. */
static void
add_out_of_range_field (OslScene              *scene,
                        const OslAddressField *field,
                        double                 x,
                        double                 y,
                        double                 w,
                        double                 h)
{
  g_autofree char *label = g_strdup_printf (w < 150 ? _("too wide\n%u–%u") : _("beyond the mode\n%u–%u"),
                                            field->high, field->low);
  OslSceneNode *node = osl_scene_add_box (scene, "field-beyond", x, y, w, h, OSL_COLOR_SURFACE, label);

  node->stroke = OSL_COLOR_ERROR;
  node->line_width = 3;
  node->font_size = w < 120 ? SMALL_SIZE : BODY_SIZE;
  node->flags |= OSL_NODE_FLAG_DASHED;
  osl_scene_node_set_role (node, "problem");
}

/* The address as rows of bits grouped by field. Returns the y below it. */
static double
add_bit_splitter (OslScene              *scene,
                  const OslPagingConfig *config,
                  guint64                va,
                  guint64                page_size,
                  double                 y,
                  double                 width,
                  gboolean               compact)
{
  const SplitterGeometry *geometry = splitter_geometry (compact);
  double bits_y = geometry->number_h, field_y = bits_y + geometry->bit_h + SPLITTER_BIT_GAP;
  OslAddressField fields[SPLITTER_MAX_FIELDS];
  guint row_of[SPLITTER_MAX_FIELDS];
  guint n_fields;
  guint extra = split_for_display (config, va, page_size, fields, &n_fields);
  double cell, x = 0;
  guint n_rows = wrap_fields (fields, n_fields, width, row_of, &cell);

  for (guint f = 0; f < n_fields; f++)
    {
      const OslAddressField *field = &fields[f];
      guint n_bits = field->high - field->low + 1;
      double fw = n_bits * cell;
      double row_y = y + row_of[f] * (splitter_row_height (geometry) + geometry->row_gap);
      /* Bits beyond the mode are drawn but belong to no field to step. */
      gboolean beyond = f < extra;
      OslColor color = beyond ? OSL_COLOR_ERROR : field_color (field, f - extra, n_fields - extra);
      g_autofree char *id = NULL;
      g_autofree char *target = NULL;
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
      if (!compact)
        {
          add_bit_number (scene, field->high, x, cell, row_y);
          if (n_bits > 1)
            add_bit_number (scene, field->low, x + fw - cell, cell, row_y);
        }
      for (guint b = 0; b < n_bits; b++)
        {
          guint bit = field->high - b;
          g_autofree char *bit_id = g_strdup_printf ("bit-%u", bit);
          g_autofree char *bit_target = g_strdup_printf ("bit:%u", bit);
          g_autofree char *bit_tip = beyond
            ? g_strdup_printf (_("Bit %u is beyond the mode's %u bits"), bit, field->low)
            : g_strdup_printf (_("Bit %u of the %s field; click to flip it"), bit, field->name);

          node = osl_scene_add_box (scene, bit_id, x + b * cell, row_y + bits_y, cell, geometry->bit_h, color,
                                    (va >> bit) & 1 ? "1" : "0");
          node->radius = 2;
          node->font_size = CLAMP (cell * 0.8, 15, 18);
          node->flags |= OSL_NODE_FLAG_MONOSPACE;
          if (beyond)
            node->flags |= OSL_NODE_FLAG_DASHED;
          else
            {
              node->flags |= OSL_NODE_FLAG_CLICKABLE;
              osl_scene_node_set_target (node, bit_target);
            }
          osl_scene_node_set_role (node, "bit");
          osl_scene_node_set_tooltip (node, bit_tip);
        }
      if (beyond)
        {
          add_out_of_range_field (scene, field, x, row_y + field_y, fw, geometry->field_h);
          x += fw + FIELD_GAP;
          continue;
        }
      id = g_strdup_printf ("field-%u", f - extra);
      target = g_strdup_printf ("field:%u", f - extra);
      if (g_str_equal (field->name, "sign extension"))
        label = g_strdup_printf (fw < 150 ? _("sign ext.\n%u–%u") : _("sign extension\n%u–%u"), field->high, field->low);
      else if (fw < 110 && compact)
        label = g_strdup_printf ("%s %u–%u\n%" PRIu64, field->name, field->high, field->low, field->value);
      else if (fw < 110)
        label = g_strdup_printf ("%s\n%" PRIu64, field->name, field->value);
      else
        label = g_strdup_printf ("%s · %u–%u\n%s = %" PRIu64,
                                 field->name, field->high, field->low, value, field->value);
      node = osl_scene_add_box (scene, id, x, row_y + field_y, fw, geometry->field_h, OSL_COLOR_SURFACE, label);
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
  return y + n_rows * splitter_row_height (geometry) + (n_rows - 1) * geometry->row_gap;
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

/* One line per step, "PD    0x00100000 + 770 × 4 = 0x00100C08 → …", or
 * two when the line would not fit @w, broken before the "=". */
static gboolean
arithmetic_wraps (const OslMemoryWalkState *state,
                  double                    w)
{
  guint address_chars = 2 + (osl_paging_address_width (state->config) <= 32 ? 32 : 64) / 4;
  guint entry_chars = 2 + osl_paging_entry_size (state->config) * 2;
  /* "PML4  " table " + " index " × " size " = " entry address " → " entry,
   * and room for the entry as the walk wrote it back with A (and D) set */
  guint n_chars = 6 + address_chars + 3 + 3 + 3 + 1 + 3 + address_chars + 3 + entry_chars
                  + g_utf8_strlen (_(", written back as "), -1) + entry_chars;

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

      g_string_append_printf (text, "%-5s %s + %u × %u%s= %s → %s", step->level, table,
                              step->index, step->entry_size, wraps ? "\n      " : " ", entry_pa, entry);
      /* The table slice shows memory after the walk; say why its value
       * differs from the one the walk read. */
      if (step->entry_after != step->entry)
        {
          g_autofree char *after = hex (step->entry_after, step->entry_size * 8);
          g_string_append_printf (text, "%s%s", _(", written back as "), after);
        }
      g_string_append_c (text, '\n');
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

/* A compact scene's title: body-sized, over the narration, where the
 * full-size title would cost a 200 % view a table row. */
static void
add_band_title (OslScene   *scene,
                const char *title,
                double      y,
                double      w)
{
  add_label (scene, "title", MARGIN, y, w, BAND_TITLE_H - 2, title, BODY_SIZE,
             OSL_NODE_FLAG_BOLD | OSL_NODE_FLAG_ALIGN_START);
}

/* The scene for an address that is refused, a TLB hit or a walk that
 * reads no table (#GP): the splitter, then @message right under it,
 * where the eye already is, in a box called @id, and the narration. */
static OslScene *
walk_scene_without_walk (const OslMemoryWalkState *state,
                         const char               *message,
                         const char               *id,
                         double                    width,
                         double                    height,
                         double                    top,
                         gboolean                  compact)
{
  double text_w = text_column_width (state, width);
  double message_h = message != NULL ? MAX (70, text_height (message, text_w - 24) + 24) : 0;
  double narration_h = state->narration != NULL ? MAX (60, text_height (state->narration, text_w)) : 0;
  /* Bits of an earlier address beside words about a typo would mislead. */
  double splitter_h = state->no_bits ? 0 : bit_splitter_height (state->config, state->va, width, compact) + 30;
  /* Compact, the story's title goes over its narration, as in a walk. */
  double title_h = compact && state->narration != NULL && state->title != NULL ? BAND_TITLE_H : 0;
  double needed = top + splitter_h + message_h + 20 + title_h + narration_h + 8;
  OslScene *scene;
  OslSceneNode *node;
  double y;

  if (state->tlb != NULL && !tlb_beside (width))
    needed += 16 + tlb_panel_height (state->tlb);
  scene = osl_scene_new (width, MAX (height, needed), state->title);
  if (!compact)
    add_title (scene, state->title, width);
  y = state->no_bits ? top : add_bit_splitter (scene, state->config, state->va, 0, top, width, compact) + 30;
  if (message != NULL)
    {
      node = osl_scene_add_box (scene, id, MARGIN, y, text_w, message_h, OSL_COLOR_SURFACE, message);
      node->stroke = state->tlb != NULL ? OSL_COLOR_GREEN : OSL_COLOR_ERROR;
      node->line_width = 3;
      node->font_size = 18;
      osl_scene_node_set_role (node, g_str_equal (id, "result") ? "fault" : "problem");
    }
  y = add_text_and_tlb (scene, state, y + 4, message_h, width) + 16;
  if (title_h > 0)
    add_band_title (scene, state->title, y, text_w);
  y += title_h;
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

/* Room for "1023 0x12345007" or "511 0x8000000000203067" in 15 px
 * monospace inside the box's padding, and for four flag chips. */
static double
table_column_min (guint entry_size)
{
  guint n_chars = (entry_size == 8 ? 3 : 4) + 1 + 2 + 2 * entry_size;

  return MAX (150, n_chars * SMALL_SIZE * MONO_ADVANCE + 14);
}

static void
layout_chain (ChainLayout *chain,
              guint        n_items,
              guint        entry_size,
              double       width,
              double       top,
              double       slice_h)
{
  double avail = width - 2 * MARGIN, row_w[OSL_WALK_MAX_STEPS + 2] = { 0 }, indent = 0;
  double column_min = table_column_min (entry_size);
  guint n_tables = n_items - 2;

  chain->n_items = n_items;
  chain->row_h = 46 + slice_h + 8 + 2 * 34;
  /* One row if the tables get column_min there; else rows of
   * wide tables (64-bit entries need the room), narrower only where
   * that saves a row, with a lane on the left for the connector. */
  chain->colw = n_tables > 0 ? (avail - CHAIN_GAP * (n_items - 1) - 2 * END_COLUMN) / n_tables : column_min;
  if (chain->colw >= column_min)
    {
      chain->colw = MIN (TABLE_COLUMN_MAX, chain->colw);
      chain->n_rows = pack_chain (chain, avail, row_w);
    }
  else
    {
      guint n_narrow;

      indent = CHAIN_INDENT;
      chain->colw = MIN (column_min, avail - indent);
      n_narrow = pack_chain (chain, avail - indent, row_w);
      chain->colw = MIN (TABLE_COLUMN_MAX, avail - indent);
      chain->n_rows = pack_chain (chain, avail - indent, row_w);
      if (chain->n_rows > n_narrow)
        {
          chain->colw = MIN (column_min, avail - indent);
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

/* Room for three lines at least, so that a step with a shorter
 * sentence does not pull the tables up under the presenter. */
#define BAND_MIN_LINES 3

static double
narration_band_height (const OslMemoryWalkState *state,
                       double                    width)
{
  return BAND_TITLE_H + MAX (BAND_MIN_LINES * BODY_SIZE * 1.4,
                             text_height (state->narration, width - 2 * MARGIN)) + 8;
}

/* In a compact walk (a zoomed or short view) the story's title and
 * the sentence to read out sit right under the bits, in view when the
 * story opens and beside the first row of tables, rather than below
 * the tables where only scrolling would find them. */
static void
add_narration_band (OslScene                 *scene,
                    const OslMemoryWalkState *state,
                    double                    y,
                    double                    width)
{
  double h = narration_band_height (state, width) - BAND_TITLE_H - 8;

  if (state->title != NULL)
    add_band_title (scene, state->title, y, width - 2 * MARGIN);
  add_label (scene, "narration", MARGIN, y + BAND_TITLE_H, width - 2 * MARGIN, h, state->narration, BODY_SIZE,
             OSL_NODE_FLAG_ALIGN_START | OSL_NODE_FLAG_VALIGN_TOP);
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
  double y, prev_x, prev_y, text_w, result_h = 0, narration_h, band_h, splitter_bottom, needed;
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

  width = MAX (width, 2 * MARGIN + table_column_min (osl_paging_entry_size (state->config)) + CHAIN_INDENT);
  if (state->va_problem != NULL || walk == NULL)
    return walk_scene_without_walk (state, state->va_problem, "problem", width, height, top, compact);
  /* A non-canonical address faults before any table is read: its #GP
   * is said under the bits that break the rule. */
  if (walk->n_steps == 0)
    {
      result = finished ? describe_result (walk) : NULL;
      return walk_scene_without_walk (state, result, "result", width, height, top, compact);
    }

  /* Work out every height first: the scene's size comes before its nodes. */
  text_w = text_column_width (state, width);
  splitter_bottom = top + bit_splitter_height (state->config, state->va, width, compact);
  narration_h = MAX (60, text_height (state->narration, width - 2 * MARGIN));
  band_h = compact && state->narration != NULL ? narration_band_height (state, width) : 0;
  layout_chain (&chain, walk->n_steps + 2, osl_paging_entry_size (state->config), width,
                splitter_bottom + (compact ? 18 : 26) + band_h, slice_h);
  if (finished)
    {
      result = describe_result (walk);
      result_h = MAX (44, text_height (result, text_w - 24) + 16);
    }
  needed = chain.y[chain.n_items - 1] + chain.row_h + 16
    + arithmetic_height (state, n_steps - arithmetic_first, text_w) + 12
    + (state->tlb != NULL && !tlb_beside (width) ? 16 + tlb_panel_height (state->tlb) : 0)
    + result_h + 10 + (band_h > 0 ? 0 : narration_h) + 8;
  scene = osl_scene_new (width, MAX (height, needed), state->title);
  height = osl_scene_get_height (scene);
  if (!compact)
    add_title (scene, state->title, width);
  add_bit_splitter (scene, state->config, state->va,
                    finished && walk->fault == OSL_FAULT_NONE ? walk->page_size : 0, top, width, compact);
  if (band_h > 0)
    add_narration_band (scene, state, splitter_bottom + 12, width);
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
  if (state->narration != NULL && band_h == 0)
    add_label (scene, "narration", MARGIN, y, width - 2 * MARGIN, MAX (narration_h, height - y - 8), state->narration,
               BODY_SIZE, OSL_NODE_FLAG_ALIGN_START | OSL_NODE_FLAG_VALIGN_TOP);
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
