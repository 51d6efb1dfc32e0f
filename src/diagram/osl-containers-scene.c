/* osl-containers-scene.c: stacks, background, VM exit/entry, comparison
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>
#include <inttypes.h>

#include "osl-containers-scene.h"
#include "osl-docker-cli.h"
#include "osl-docker-session.h"

#define MARGIN 32.0
#define TITLE_SIZE 26.0
#define BODY_SIZE 16.0
#define SMALL_SIZE 15.0
#define NARROW_BELOW 900.0      /* narrower scenes put things under each other */
#define STACK_GAP 40.0
#define STACK_ROW_GAP 24.0
#define STACK_MIN_WIDTH 376.0   /* two copies of "VMX non-root · ring 3" side by side */
#define STACK_HEAD_H 64.0
#define LAYER_MIN_H 60.0        /* three lines of a layer */
#define LAYER_MAX_H 86.0
#define EXPLANATION_H 130.0

/* Every diagram starts with its title and the lecture cards it shows.
 * Scenes that reflow pass a @min_width below the design width. */
OslScene *
osl_containers_scene_begin (double      width,
                            double      height,
                            double      min_width,
                            double      min_height,
                            const char *title,
                            const char *cards,
                            double     *out_width,
                            double     *out_height)
{
  double w = MAX (width, min_width);
  double h = MAX (height, min_height);
  OslScene *scene = osl_scene_new (w, h, title);
  gboolean narrow = w < NARROW_BELOW;
  OslSceneNode *node;

  node = osl_scene_add_text (scene, "title", MARGIN, 18, w - 2 * MARGIN - (narrow ? 0 : 270), 40, title,
                             TITLE_SIZE);
  node->flags |= OSL_NODE_FLAG_BOLD | OSL_NODE_FLAG_ALIGN_START;
  *out_width = w;
  *out_height = h;
  /* Projected at high zoom the title needs the whole line; the cards
   * stay one hover away. */
  if (narrow)
    {
      osl_scene_node_set_tooltip (node, cards);
      return scene;
    }
  node = osl_scene_add_chip (scene, "cards", w - MARGIN - 250, 24, 250, 30, OSL_COLOR_SURFACE, cards);
  node->font_size = 15;
  osl_scene_node_set_tooltip (node, _("The lecture flashcards this diagram shows"));
  return scene;
}

static OslColor
layer_color (OslLayerRole role)
{
  switch (role)
    {
    case OSL_LAYER_HARDWARE:
      return OSL_COLOR_SURFACE;
    case OSL_LAYER_HYPERVISOR:
      return OSL_COLOR_ORANGE;
    case OSL_LAYER_KERNEL:
      return OSL_COLOR_SKY_BLUE;
    case OSL_LAYER_ENGINE:
      return OSL_COLOR_PURPLE;
    case OSL_LAYER_RUNTIME:
      return OSL_COLOR_YELLOW;
    case OSL_LAYER_LIBRARIES:
      return OSL_COLOR_YELLOW;
    case OSL_LAYER_APP:
    default:
      return OSL_COLOR_GREEN;
    }
}

static void
add_stack_layer (OslScene            *scene,
                 const OslStack      *stack,
                 const OslStackLayer *layer,
                 guint                copy,
                 double               x,
                 double               y,
                 double               w,
                 double               h,
                 gboolean             selected,
                 gboolean             show_rings)
{
  g_autofree char *id = g_strdup_printf ("stack:%s:%s:%u", stack->id, layer->id, copy);
  g_autofree char *target = g_strdup_printf ("layer:%s:%s", stack->id, layer->id);
  g_autofree char *label = NULL;
  g_autofree char *privilege = osl_stack_layer_privilege (layer);
  OslSceneNode *node;

  if (layer->instances > 1)
    label = g_strdup_printf ("%s %u", _(layer->name), copy + 1);
  else
    label = g_strdup_printf ("%s\n<small>%s</small>", _(layer->name), _(layer->detail));
  if (show_rings && privilege[0] != '\0')
    {
      g_autofree char *with_ring = g_strdup_printf ("%s\n<small><b>%s</b></small>", label, privilege);
      g_free (label);
      label = g_steal_pointer (&with_ring);
    }
  node = osl_scene_add_box (scene, id, x, y, w, h, layer_color (layer->role), label);
  node->flags |= OSL_NODE_FLAG_CLICKABLE | OSL_NODE_FLAG_MARKUP;
  node->font_size = BODY_SIZE;
  node->role = g_strdup ("layer");
  /* The rings overlay outlines root mode thick red and non-root blue. */
  if (show_rings && layer->vmx != OSL_VMX_NONE)
    {
      node->stroke = layer->vmx == OSL_VMX_ROOT ? OSL_COLOR_VERMILION : OSL_COLOR_BLUE;
      node->line_width = layer->vmx == OSL_VMX_ROOT ? 4 : 2.5;
    }
  if (selected)
    node->flags |= OSL_NODE_FLAG_EMPHASIS;
  osl_scene_node_set_target (node, target);
  osl_scene_node_set_tooltip (node, _(layer->explanation));
}

static void
add_stack (OslScene       *scene,
           const OslStack *stack,
           const char     *selected,
           gboolean        show_rings,
           double          x,
           double          width,
           double          bottom,
           double          layer_h)
{
  double gap = 10, y = bottom;
  g_autofree char *head_id = g_strdup_printf ("stack:%s:name", stack->id);
  g_autofree char *boundary_id = g_strdup_printf ("stack:%s:boundary", stack->id);
  g_autofree char *head = g_strdup_printf ("<b>%s</b>\n%s", _(stack->name), _(stack->examples));
  OslSceneNode *node;

  for (guint i = 0; i < stack->n_layers; i++)
    {
      const OslStackLayer *layer = &stack->layers[i];
      g_autofree char *target = g_strdup_printf ("%s:%s", stack->id, layer->id);
      gboolean is_selected = g_strcmp0 (selected, target) == 0;

      y -= layer_h;
      if (i == stack->first_isolated)
        {
          /* The isolation boundary: what separates one VM/container from
           * the next, drawn in the gap below the first isolated layer. */
          node = osl_scene_add_arrow (scene, boundary_id, x - 4, y + layer_h - gap / 2, x + width + 4,
                                      y + layer_h - gap / 2);
          node->flags |= OSL_NODE_FLAG_DASHED | OSL_NODE_FLAG_NO_HEAD;
          node->stroke = OSL_COLOR_VERMILION;
          node->line_width = 3;
          osl_scene_node_set_tooltip (node, _(stack->boundary));
        }
      for (guint copy = 0; copy < layer->instances; copy++)
        {
          double cw = (width - gap * (layer->instances - 1)) / layer->instances;
          add_stack_layer (scene, stack, layer, copy, x + copy * (cw + gap), y, cw, layer_h - gap,
                           is_selected, show_rings);
        }
      /* The one kernel every container shares. */
      if (stack->kind == OSL_STACK_CONTAINERS && layer->role == OSL_LAYER_KERNEL)
        osl_scene_find (scene, "stack:containers:host-os:0")->flags |= OSL_NODE_FLAG_EMPHASIS;
    }
  node = osl_scene_add_text (scene, head_id, x, y - 64, width, 56, head, BODY_SIZE);
  node->flags |= OSL_NODE_FLAG_MARKUP;
  osl_scene_node_set_tooltip (node, _(stack->summary));
}

static const OslStackLayer *
find_selected (const char       *selected,
               const OslStack  **stack_out)
{
  g_auto(GStrv) parts = NULL;
  OslStackKind kind;

  if (selected == NULL)
    return NULL;
  parts = g_strsplit (selected, ":", 2);
  if (parts[0] == NULL || parts[1] == NULL || !osl_stack_parse_kind (parts[0], &kind, NULL))
    return NULL;
  *stack_out = osl_stack_get (kind);
  return osl_stack_find_layer (*stack_out, parts[1]);
}

/* The stacks' rows and the scene size they need at the smallest layers. */
static void
stacks_min_size (guint   n_kinds,
                 guint   max_layers,
                 guint   per_row,
                 double  width,
                 double *min_width,
                 double *min_height)
{
  guint n_rows = (n_kinds + per_row - 1) / per_row;

  *min_width = MAX (width, 2 * MARGIN + per_row * STACK_MIN_WIDTH + (per_row - 1) * STACK_GAP);
  *min_height = 64 + (*min_width < NARROW_BELOW ? 46 : 26) + 8 +
                n_rows * (STACK_HEAD_H + max_layers * LAYER_MIN_H) + (n_rows - 1) * STACK_ROW_GAP +
                EXPLANATION_H + 10;
}

/* Reflow: the number of stacks per row whose scene, shrunk to fit the
 * space, keeps the text largest. */
static guint
choose_stacks_per_row (guint  n_kinds,
                       guint  max_layers,
                       double width,
                       double height)
{
  guint best = n_kinds;
  double best_scale = 0;

  for (guint per_row = 1; per_row <= n_kinds; per_row++)
    {
      double min_width, min_height, scale;

      stacks_min_size (n_kinds, max_layers, per_row, width, &min_width, &min_height);
      scale = MIN (MIN (1.0, width / min_width), MIN (1.0, height / min_height));
      if (scale > best_scale + 0.01)
        {
          best = per_row;
          best_scale = scale;
        }
    }
  return best;
}

/**
 * osl_containers_scene_stacks:
 * @selected: "type1:hypervisor" for the layer whose explanation shows
 *
 * Two to four stacks side by side, hardware at the bottom.
 */
OslScene *
osl_containers_scene_stacks (const OslStackKind *kinds,
                             guint               n_kinds,
                             const char         *selected,
                             gboolean            show_rings,
                             double              width,
                             double              height)
{
  double w, h, column, layer_h, top, legend_h, min_width, min_height;
  OslScene *scene;
  const OslStack *stack = NULL;
  const OslStackLayer *layer = find_selected (selected, &stack);
  guint max_layers = 0, per_row, n_rows;
  OslSceneNode *node;
  g_autofree char *words = NULL;

  n_kinds = CLAMP (n_kinds, 1, 4);
  for (guint i = 0; i < n_kinds; i++)
    max_layers = MAX (max_layers, osl_stack_get (kinds[i])->n_layers);
  width = MAX (width, OSL_CONTAINERS_SCENE_NARROW_WIDTH);
  per_row = choose_stacks_per_row (n_kinds, max_layers, width, height);
  n_rows = (n_kinds + per_row - 1) / per_row;
  stacks_min_size (n_kinds, max_layers, per_row, width, &min_width, &min_height);
  scene = osl_containers_scene_begin (width, height, min_width, min_height, _("Software stacks, bottom to top"),
                                      _("Cards 21, 24–28, 35, 37"), &w, &h);
  legend_h = w < NARROW_BELOW ? 46 : 26;
  top = 64 + legend_h + 8;
  column = (w - 2 * MARGIN - (per_row - 1) * STACK_GAP) / per_row;
  layer_h = MIN (LAYER_MAX_H, ((h - top - EXPLANATION_H - 10 - (n_rows - 1) * STACK_ROW_GAP) / n_rows -
                               STACK_HEAD_H) / max_layers);
  for (guint i = 0; i < n_kinds; i++)
    {
      guint row = i / per_row, col = i % per_row;
      double row_bottom = top + (row + 1) * (STACK_HEAD_H + max_layers * layer_h) + row * STACK_ROW_GAP;

      add_stack (scene, osl_stack_get (kinds[i]), selected, show_rings,
                 MARGIN + col * (column + STACK_GAP), column, row_bottom, layer_h);
    }

  if (layer != NULL)
    {
      g_autofree char *privilege = osl_stack_layer_privilege (layer);
      words = g_strdup_printf ("<b>%s — %s</b>%s%s%s\n%s", _(stack->name), _(layer->name),
                               privilege[0] != '\0' ? " (" : "", privilege, privilege[0] != '\0' ? ")" : "",
                               _(layer->explanation));
    }
  else
    words = g_strdup (_("Click a layer to read what it is. The dashed red line is each stack's isolation "
                        "boundary: below it, one layer serves everyone; above it, each VM or container has "
                        "its own copy."));
  node = osl_scene_add_text (scene, "legend", MARGIN, 64, w - 2 * MARGIN, legend_h,
                             show_rings ? _("Dashed red line: isolation boundary · thick red outline: VMX root mode "
                                            "· blue outline: VMX non-root mode")
                                        : _("Dashed red line: isolation boundary"), SMALL_SIZE);
  node->flags |= OSL_NODE_FLAG_ALIGN_START;
  node->text_color = OSL_COLOR_MUTED;
  node = osl_scene_add_text (scene, "explanation", MARGIN, h - EXPLANATION_H, w - 2 * MARGIN, EXPLANATION_H - 10,
                             words, BODY_SIZE);
  node->flags |= OSL_NODE_FLAG_MARKUP | OSL_NODE_FLAG_ALIGN_START | OSL_NODE_FLAG_VALIGN_TOP;
  return scene;
}

static double
add_list (OslScene           *scene,
          const char         *id,
          const char         *heading,
          const char * const *items,
          double              x,
          double              y,
          double              w)
{
  g_autoptr(GString) text = g_string_new (NULL);
  OslSceneNode *node;
  guint n = 0;

  g_string_append_printf (text, "<b>%s</b>", heading);
  for (; items[n] != NULL; n++)
    g_string_append_printf (text, "\n• %s", _(items[n]));
  node = osl_scene_add_box (scene, id, x, y, w, 40 + 46 * n, OSL_COLOR_SURFACE, text->str);
  node->flags |= OSL_NODE_FLAG_MARKUP | OSL_NODE_FLAG_ALIGN_START | OSL_NODE_FLAG_VALIGN_TOP;
  node->font_size = BODY_SIZE;
  return y + 40 + 46 * n;
}

/* Cards 21–23, 27 and 28: what virtualization is, its goals, what an
 * architecture needs, the three kinds and the hardware that helps. */
OslScene *
osl_containers_scene_background (double width,
                                 double height)
{
  double w, h, col;
  OslScene *scene = osl_containers_scene_begin (width, height, OSL_CONTAINERS_SCENE_WIDTH, OSL_CONTAINERS_SCENE_HEIGHT,
                                                _("Virtualization"), _("Cards 21–23, 27, 28"),
                                                &w, &h);
  const OslStackContrast *kinds, *hardware;
  guint n_kinds, n_hardware;
  OslSceneNode *node;
  double y;

  col = (w - 2 * MARGIN - 24) / 2;
  node = osl_scene_add_text (scene, "definition", MARGIN, 70, w - 2 * MARGIN, 56,
                             _("Software, the virtual machine monitor (VMM) or hypervisor, gives the appearance "
                               "of many computers (virtual machines) on one, so that several operating systems "
                               "share the same hardware."), BODY_SIZE + 1);
  node->flags |= OSL_NODE_FLAG_ALIGN_START;
  y = add_list (scene, "goals", _("Goals"), osl_stack_get_goals (), MARGIN, 140, col);
  add_list (scene, "requirements", _("A virtualizable architecture"), osl_stack_get_requirements (),
            MARGIN + col + 24, 140, col);

  y = MAX (y, 140 + 40 + 46 * 3) + 24;
  kinds = osl_stack_get_virtualization_kinds (&n_kinds);
  for (guint i = 0; i < n_kinds; i++)
    {
      g_autofree char *id = g_strdup_printf ("kind:%u", i);
      g_autofree char *text = g_strdup_printf ("<b>%s</b>\n%s\n<i>%s</i>", _(kinds[i].aspect), _(kinds[i].vm),
                                               _(kinds[i].container));
      double kw = (w - 2 * MARGIN - 2 * 24) / 3;

      node = osl_scene_add_box (scene, id, MARGIN + i * (kw + 24), y, kw, 150,
                                i == 0 ? OSL_COLOR_YELLOW : i == 1 ? OSL_COLOR_GREEN : OSL_COLOR_ORANGE, text);
      node->flags |= OSL_NODE_FLAG_MARKUP | OSL_NODE_FLAG_VALIGN_TOP;
    }
  y += 174;
  hardware = osl_stack_get_hardware_support (&n_hardware);
  node = osl_scene_add_text (scene, "hardware:head", MARGIN, y, 260, 30, _("Hardware support"), BODY_SIZE);
  node->flags |= OSL_NODE_FLAG_BOLD | OSL_NODE_FLAG_ALIGN_START;
  for (guint i = 0; i < n_hardware; i++)
    {
      g_autofree char *id = g_strdup_printf ("hardware:%u", i);
      g_autofree char *text = g_strdup_printf ("<b>%s</b>: Intel %s · AMD %s", _(hardware[i].aspect),
                                               _(hardware[i].vm), _(hardware[i].container));

      node = osl_scene_add_text (scene, id, MARGIN, y + 32 + i * 28, w - 2 * MARGIN, 28, text, BODY_SIZE);
      node->flags |= OSL_NODE_FLAG_MARKUP | OSL_NODE_FLAG_ALIGN_START;
    }
  return scene;
}

/* Cards 29–34: the 2 × 2 grid of VMX root/non-root × ring 0/3, with the
 * CPU as a token moving between the cells. */
OslScene *
osl_containers_scene_vmx (OslVmxState state,
                          double      width,
                          double      height)
{
  double w, h, grid_x = MARGIN, grid_y = 90, cell_w, cell_h = 150;
  OslScene *scene = osl_containers_scene_begin (width, height, OSL_CONTAINERS_SCENE_WIDTH, OSL_CONTAINERS_SCENE_HEIGHT,
                                                _("CPU virtualization: VM exit and VM entry"),
                                                _("Cards 27, 29–34"), &w, &h);
  const OslVmxCauseInfo *info = osl_vmx_cause_get_info (state.cause);
  static const struct { const char *id; const char *title; const char *who; int col; int row; } cells[] = {
    { "cell:nonroot:3", N_("VMX non-root · ring 3"), N_("Guest apps"), 0, 0 },
    { "cell:nonroot:0", N_("VMX non-root · ring 0"), N_("Guest OS kernel"), 0, 1 },
    { "cell:root:3", N_("VMX root · ring 3"), N_("VM management utilities (QEMU, tools)"), 1, 0 },
    { "cell:root:0", N_("VMX root · ring 0"), N_("Hypervisor core (VMM)"), 1, 1 },
  };
  OslVmxMode mode = osl_vmx_phase_mode (state.phase);
  int ring = osl_vmx_phase_ring (state);
  g_autofree char *words = osl_vmx_describe (state);
  g_autofree char *status = NULL;
  OslSceneNode *node;
  double token_x, token_y;

  cell_w = (w - 2 * MARGIN - 160) / 2;
  for (guint i = 0; i < G_N_ELEMENTS (cells); i++)
    {
      double x = grid_x + cells[i].col * (cell_w + 160), y = grid_y + cells[i].row * (cell_h + 20);
      gboolean here = (cells[i].col == 1) == (mode == OSL_VMX_ROOT) && (cells[i].row == 0) == (ring == 3);
      g_autofree char *text = g_strdup_printf ("<b>%s</b>\n%s", _(cells[i].title), _(cells[i].who));

      node = osl_scene_add_box (scene, cells[i].id, x, y, cell_w, cell_h,
                                cells[i].col == 1 ? OSL_COLOR_ORANGE : OSL_COLOR_SKY_BLUE, text);
      node->flags |= OSL_NODE_FLAG_MARKUP | OSL_NODE_FLAG_VALIGN_TOP;
      if (here)
        node->flags |= OSL_NODE_FLAG_EMPHASIS;
    }
  node = osl_scene_add_text (scene, "head:guest", grid_x, grid_y + 2 * cell_h + 24, cell_w, 30,
                             _("Guest (less privileged)"), BODY_SIZE);
  node->flags |= OSL_NODE_FLAG_BOLD;
  node = osl_scene_add_text (scene, "head:host", grid_x + cell_w + 160, grid_y + 2 * cell_h + 24, cell_w, 30,
                             _("Host (more privileged)"), BODY_SIZE);
  node->flags |= OSL_NODE_FLAG_BOLD;

  node = osl_scene_add_arrow (scene, "arrow:exit", grid_x + cell_w + 8, grid_y + cell_h + 60,
                              grid_x + cell_w + 152, grid_y + cell_h + 60);
  node->text = g_strdup (_("VM exit"));
  node->stroke = state.phase == OSL_VMX_PHASE_VM_EXIT ? OSL_COLOR_ACCENT : OSL_COLOR_FOREGROUND;
  node->line_width = state.phase == OSL_VMX_PHASE_VM_EXIT ? 4 : 2;
  node = osl_scene_add_arrow (scene, "arrow:entry", grid_x + cell_w + 152, grid_y + cell_h + 120,
                              grid_x + cell_w + 8, grid_y + cell_h + 120);
  node->text = g_strdup (_("VM entry"));
  node->stroke = state.phase == OSL_VMX_PHASE_VM_ENTRY ? OSL_COLOR_ACCENT : OSL_COLOR_FOREGROUND;
  node->line_width = state.phase == OSL_VMX_PHASE_VM_ENTRY ? 4 : 2;

  /* The CPU token sits in the cell whose code it runs. */
  token_x = grid_x + (mode == OSL_VMX_ROOT ? cell_w + 160 : 0) + cell_w - 110;
  token_y = grid_y + (ring == 3 ? 0 : cell_h + 20) + cell_h - 56;
  node = osl_scene_add_token (scene, "cpu", token_x, token_y, 96, 44, OSL_COLOR_YELLOW, OSL_PATTERN_SOLID,
                              _("vCPU"));
  osl_scene_node_set_tooltip (node, _("Where the CPU is executing now"));

  status = g_strdup_printf (_("<b>Step %u</b> · guest executes <tt>%s</tt> → exit reason %u (%s) · VM exits so "
                              "far: %u · guest RIP 0x%" PRIx64),
                            state.step + 1, info->instruction, info->exit_reason, _(info->exit_name),
                            state.exits, state.guest_rip);
  node = osl_scene_add_text (scene, "status", MARGIN, grid_y + 2 * cell_h + 70, w - 2 * MARGIN, 30, status,
                             BODY_SIZE);
  node->flags |= OSL_NODE_FLAG_MARKUP | OSL_NODE_FLAG_ALIGN_START;
  node = osl_scene_add_box (scene, "explanation", MARGIN, grid_y + 2 * cell_h + 110, w - 2 * MARGIN,
                            h - (grid_y + 2 * cell_h + 110) - 20, OSL_COLOR_SURFACE, words);
  node->flags |= OSL_NODE_FLAG_ALIGN_START | OSL_NODE_FLAG_VALIGN_TOP;
  node->font_size = BODY_SIZE + 1;
  if (state.cause == OSL_VMX_CAUSE_EPT_VIOLATION)
    {
      node = osl_scene_add_chip (scene, "memory-link", w - MARGIN - 430, grid_y + 2 * cell_h + 24, 430, 28,
                                 OSL_COLOR_SURFACE, _("EPT: guest-physical → host-physical (Memory view)"));
      node->font_size = 15;
      node->flags |= OSL_NODE_FLAG_CLICKABLE;
      osl_scene_node_set_target (node, "view:memory");
      osl_scene_node_set_tooltip (node, _("Open the Memory view, which draws the nested (two-dimensional) walk"));
    }
  return scene;
}

/* Wide: the aspect, then the VM and the container side by side. Narrow:
 * the aspect on a line of its own above the two. Returns the row's height. */
static double
add_row (OslScene   *scene,
         const char *id,
         const char *aspect,
         const char *left,
         const char *right,
         double      y,
         double      w,
         double      row_h)
{
  gboolean narrow = w < NARROW_BELOW;
  double aspect_w = narrow ? w - 2 * MARGIN : 210, aspect_h = narrow ? (aspect[0] != '\0' ? 26 : 0) : row_h;
  double x = narrow ? MARGIN : MARGIN + 220, col = (w - x - MARGIN) / 2, box_y = narrow ? y + aspect_h : y;
  g_autofree char *a = g_strconcat (id, ":aspect", NULL);
  g_autofree char *l = g_strconcat (id, ":vm", NULL);
  g_autofree char *r = g_strconcat (id, ":container", NULL);
  OslSceneNode *node;

  node = osl_scene_add_text (scene, a, MARGIN, y, aspect_w, aspect_h, aspect, BODY_SIZE);
  node->flags |= OSL_NODE_FLAG_BOLD | OSL_NODE_FLAG_ALIGN_START;
  osl_scene_add_box (scene, l, x, box_y + 3, col - 10, row_h - 6, OSL_COLOR_ORANGE, left);
  osl_scene_add_box (scene, r, x + col, box_y + 3, col - 10, row_h - 6, OSL_COLOR_GREEN, right);
  return box_y - y + row_h;
}

static double
compare_min_height (gboolean narrow,
                    guint    n_rows,
                    guint    n_figures,
                    guint    n_similar)
{
  double row_h = narrow ? 56 : 48, aspect_h = narrow ? 26 : 0;

  /* Narrow boxes and bullets wrap their words onto a second line. */
  return 80 + row_h + n_rows * (aspect_h + row_h) + 40 + n_figures * (aspect_h + row_h - 6) + 12 + 44 +
         (narrow ? 44 : 24) * n_similar + 16;
}

/* Cards 38 and 45: granularity, overhead, isolation; and what is alike.
 * The table wraps (each aspect above its two boxes) when that makes
 * the text larger in the space given. */
OslScene *
osl_containers_scene_compare (double width,
                              double height)
{
  const OslStackContrast *rows = NULL, *figures = NULL;
  const char * const *similar = osl_stack_get_similarities ();
  guint n_rows, n_figures, n_similar = g_strv_length ((char **) similar);
  double narrow_w = MAX (width, OSL_CONTAINERS_SCENE_NARROW_WIDTH), narrow_h, wide_h, w, h, y = 80, row_h;
  gboolean narrow;
  g_autoptr(GString) alike = g_string_new (NULL);
  OslSceneNode *node;
  OslScene *scene;

  rows = osl_stack_get_contrasts (&n_rows);
  figures = osl_stack_get_typical_figures (&n_figures);
  narrow_h = compare_min_height (TRUE, n_rows, n_figures, n_similar);
  wide_h = MAX (compare_min_height (FALSE, n_rows, n_figures, n_similar), OSL_CONTAINERS_SCENE_HEIGHT);
  narrow = narrow_w < NARROW_BELOW &&
           MIN (width / narrow_w, height / narrow_h) > MIN (width / OSL_CONTAINERS_SCENE_WIDTH, height / wide_h);
  row_h = narrow ? 56 : 48;
  scene = osl_containers_scene_begin (width, height, narrow ? narrow_w : OSL_CONTAINERS_SCENE_WIDTH,
                                      narrow ? narrow_h : wide_h, _("Virtual machines versus containers"),
                                      _("Cards 37, 38, 45"), &w, &h);
  y += add_row (scene, "head", "", _("Virtual machine (e.g. VirtualBox)"), _("Container (e.g. Docker)"), y, w, row_h);
  osl_scene_find (scene, "head:vm")->flags |= OSL_NODE_FLAG_BOLD;
  osl_scene_find (scene, "head:container")->flags |= OSL_NODE_FLAG_BOLD;
  for (guint i = 0; i < n_rows; i++)
    {
      g_autofree char *id = g_strdup_printf ("row:%u", i);
      y += add_row (scene, id, _(rows[i].aspect), _(rows[i].vm), _(rows[i].container), y, w, row_h);
    }
  y += 8;
  node = osl_scene_add_text (scene, "figures:head", MARGIN, y, w - 2 * MARGIN, 28,
                             _("Typical orders of magnitude (not measurements; real figures vary widely)"),
                             BODY_SIZE);
  node->flags |= OSL_NODE_FLAG_ITALIC | OSL_NODE_FLAG_ALIGN_START;
  y += 32;
  for (guint i = 0; i < n_figures; i++)
    {
      g_autofree char *id = g_strdup_printf ("figure:%u", i);
      y += add_row (scene, id, _(figures[i].aspect), _(figures[i].vm), _(figures[i].container), y, w, row_h - 6);
    }
  g_string_append_printf (alike, "<b>%s</b>", _("Alike"));
  for (guint i = 0; similar[i] != NULL; i++)
    g_string_append_printf (alike, "\n• %s", _(similar[i]));
  node = osl_scene_add_box (scene, "similarities", MARGIN, y + 12, w - 2 * MARGIN, h - y - 28, OSL_COLOR_SURFACE,
                            alike->str);
  node->flags |= OSL_NODE_FLAG_MARKUP | OSL_NODE_FLAG_ALIGN_START | OSL_NODE_FLAG_VALIGN_TOP;
  return scene;
}

/* For os-lens-cli render and export: the stacks, or with a saved Docker
 * session, the state machine after replaying it. */
OslScene *
osl_containers_view_scene (const char  *scenario_path,
                           double       width,
                           double       height,
                           GError     **error)
{
  static const OslStackKind kinds[] = { OSL_STACK_TYPE1, OSL_STACK_TYPE2, OSL_STACK_CONTAINERS };
  g_auto(GStrv) commands = NULL;
  g_autoptr(OslDockerEngine) engine = NULL;
  GPtrArray *containers;

  if (scenario_path == NULL)
    return osl_containers_scene_stacks (kinds, G_N_ELEMENTS (kinds), "containers:host-os", TRUE, width, height);
  commands = osl_docker_session_load (scenario_path, error);
  if (commands == NULL)
    return NULL;
  engine = osl_docker_engine_new ();
  for (guint i = 0; commands[i] != NULL; i++)
    {
      g_autoptr(GString) out = g_string_new (NULL);
      g_autoptr(GString) err = g_string_new (NULL);
      g_autoptr(GString) notes = g_string_new (NULL);
      osl_docker_cli_run_line (engine, commands[i], out, err, notes);
    }
  containers = osl_docker_engine_get_containers (engine);
  return osl_containers_scene_states (engine, containers->len > 0
                                      ? ((OslDockerContainer *) containers->pdata[containers->len - 1])->name
                                      : NULL, width, height);
}
