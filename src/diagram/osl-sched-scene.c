/* osl-sched-scene.c: the scheduling view's diagrams
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>
#include <math.h>
#include <string.h>

#include "osl-painter.h"
#include "osl-sched-scenario.h"
#include "osl-sched-scene.h"

#define MARGIN       20
#define GAP          12
#define TOKEN_W      60
#define TOKEN_H      34
#define LABEL_H      22
#define BODY_FONT    15
#define GANTT_LABEL  112
#define MODE_H       12
/* Narrower than this, the statistics move below the Gantt chart. */
#define WIDE_WIDTH   1180
#define NARROW_MIN_WIDTH 600
/* Side by side, a scene shrinks to fit the view no further than this,
 * so that its smallest words stay legible on a projector: a taller one
 * (eight CPUs) keeps this size and the view scrolls. */
#define WIDE_MIN_SCALE 0.7
#define NARROW_STATS_ROWS 20
#define NARROW_QUEUES_AIR 40  /* stacked, the queues' room beyond their least */
#define STATS_CHROME 140   /* the statistics table without its rows */
#define LEGEND_ITEM_W 170
#define CPU_STACKED_H 70   /* a CPU box this tall holds its token above its chip */
#define CPU_MIN_COLUMN_W 72 /* a CPU box this wide holds its name beside a token */
#define CPU_SHARE    0.21 /* of the queue picture's width, for the CPUs */
#define QUEUES_SHARE 0.68 /* of the wide view's width, for the queue picture */
#define CHIP_PHRASE_W 140  /* a mode chip this wide holds "kernel · scheduler" */
#define ARROW_LABEL_FONT 13
#define ARROW_LABEL_AIR 8  /* between an arrow's label and the boxes beside it */
#define DIFF_TABLE_W 460
#define DIFF_TABLE_H 250
#define DIFF_GAP     16
#define DIFF_ROW     26
#define DIFF_CHROME  50   /* the per-process table without its rows */

typedef struct
{
  OslScene            *scene;
  OslSchedRun         *run;
  const OslSchedState *state;
  const OslSchedScenario *scenario;
} Builder;

static const OslColor token_colors[] = {
  OSL_COLOR_ORANGE, OSL_COLOR_SKY_BLUE, OSL_COLOR_GREEN, OSL_COLOR_YELLOW,
  OSL_COLOR_BLUE, OSL_COLOR_VERMILION, OSL_COLOR_PURPLE,
};

/* Seven hues times six patterns: neighbours never share both, and the
 * name on every token says who it is without any colour. */
static OslColor
process_color (guint process)
{
  return token_colors[process % G_N_ELEMENTS (token_colors)];
}

static OslPattern
process_pattern (guint process)
{
  return (process / G_N_ELEMENTS (token_colors) + process) % OSL_N_PATTERNS;
}

static const char *
process_name (const OslSchedScenario *scenario,
              guint                   process)
{
  return ((OslSchedProcess *) g_ptr_array_index (scenario->processes, process))->name;
}

/* In OslSchedPolicy order. */
static const char *policy_short_names[OSL_SCHED_N_POLICIES] = {
  N_("FCFS"), N_("SJF"), N_("STCF"), N_("RR"), N_("Priority"), N_("MLFQ"), N_("Lottery"), N_("Stride"),
};

/**
 * osl_sched_scene_policy_short_name:
 *
 * Returns: the translated short name of @policy, such as "RR", for menus
 * and table columns.
 */
const char *
osl_sched_scene_policy_short_name (OslSchedPolicy policy)
{
  g_return_val_if_fail (policy < OSL_SCHED_N_POLICIES, "");
  return _(policy_short_names[policy]);
}

/* A comparison column's title: the short name, with the quantum where
 * the policy has one of its own, e.g. "RR q2". */
static char *
policy_column_title (const OslSchedScenario *scenario)
{
  const char *name = osl_sched_scene_policy_short_name (scenario->policy);

  if (osl_sched_policy_uses_quantum (scenario->policy) && scenario->policy != OSL_SCHED_MLFQ)
    /* Translators: a policy's short name and its quantum, e.g. "RR q2". */
    return g_strdup_printf (_("%s q%u"), name, scenario->quantum);
  return g_strdup (name);
}

char *
osl_sched_scene_policy_line (const OslSchedScenario *scenario)
{
  GString *line = g_string_new (osl_sched_policy_title (scenario->policy));

  if (osl_sched_policy_uses_quantum (scenario->policy) && scenario->policy != OSL_SCHED_MLFQ)
    g_string_append_printf (line, _(" · quantum %u"), scenario->quantum);
  if (scenario->policy == OSL_SCHED_MLFQ)
    {
      g_string_append_printf (line, _(" · %u levels"), scenario->n_levels);
      if (scenario->boost_period > 0)
        g_string_append_printf (line, _(" · boost every %u"), scenario->boost_period);
    }
  if (scenario->policy == OSL_SCHED_PRIORITY)
    g_string_append (line, scenario->preemptive ? _(" · preemptive") : _(" · non-preemptive"));
  if (scenario->policy == OSL_SCHED_PRIORITY && scenario->aging_period > 0)
    g_string_append_printf (line, _(" · aging every %u"), scenario->aging_period);
  g_string_append_printf (line, g_dngettext (GETTEXT_PACKAGE, " · %u CPU", " · %u CPUs", scenario->n_cpus),
                          scenario->n_cpus);
  g_string_append_printf (line, _(" · switch cost %u"), scenario->switch_cost);
  return g_string_free (line, FALSE);
}

static char *
token_tooltip (Builder *b,
               guint    process)
{
  const OslSchedProc *proc = &b->state->procs[process];
  const OslSchedProcess *spec = g_ptr_array_index (b->scenario->processes, process);
  g_autofree char *bursts = osl_sched_format_bursts (spec->bursts);

  if (proc->state == OSL_PROC_TERMINATED)
    return g_strdup_printf (_("%s: terminated at t = %d (bursts %s)"), spec->name, proc->completion, bursts);
  return g_strdup_printf (_("%s: %s, %u ticks left in burst %u of %u (%s); arrived at t = %u, priority %u, %u tickets"),
                          spec->name, osl_proc_state_title (proc->state), proc->left, proc->burst + 1,
                          spec->bursts->len, bursts, spec->arrival, spec->priority, spec->tickets);
}

static void
add_token (Builder *b,
           guint    process,
           double   x,
           double   y,
           double   w,
           double   h)
{
  g_autofree char *id = g_strdup_printf ("proc:%u", process);
  g_autofree char *tooltip = token_tooltip (b, process);
  OslSceneNode *node;

  node = osl_scene_add_token (b->scene, id, x, y, w, h, process_color (process),
                              process_pattern (process), process_name (b->scenario, process));
  node->radius = 8;
  node->font_size = w < 40 ? 12 : BODY_FONT;
  osl_scene_node_set_role (node, "process");
  osl_scene_node_set_tooltip (node, tooltip);
}

static void
add_label (Builder    *b,
           const char *id,
           double      x,
           double      y,
           double      w,
           const char *text)
{
  OslSceneNode *node = osl_scene_add_text (b->scene, id, x, y, w, LABEL_H, text, BODY_FONT);

  node->flags |= OSL_NODE_FLAG_BOLD | OSL_NODE_FLAG_ALIGN_START;
}

static OslSceneNode *
add_place (Builder    *b,
           const char *id,
           double      x,
           double      y,
           double      w,
           double      h,
           const char *tooltip)
{
  OslSceneNode *node = osl_scene_add_box (b->scene, id, x, y, w, h, OSL_COLOR_SURFACE, NULL);

  osl_scene_node_set_role (node, "queue");
  osl_scene_node_set_tooltip (node, tooltip);
  return node;
}

/* Tokens in a row, the head at the @head_right end; they shrink to fit
 * and the rest is counted in a "+ n" chip. */
static void
add_lane_tokens (Builder        *b,
                 const char     *id,
                 const guint    *processes,
                 guint           n,
                 double          x,
                 double          y,
                 double          w,
                 double          h,
                 gboolean        head_right)
{
  double tw = TOKEN_W, th = MIN (TOKEN_H, h - 10);
  guint fit = MAX (1, (guint) ((w - 8) / (TOKEN_W / 2 + 6)));
  guint shown = MIN (n, fit);

  if (n == 0)
    return;
  if (shown * (tw + 6) > w - 8)
    tw = MAX (TOKEN_W / 2, (w - 8) / shown - 6);
  if (shown < n)
    {
      g_autofree char *chip_id = g_strdup_printf ("%s:more", id);
      g_autofree char *text = g_strdup_printf ("+%u", n - shown + 1);

      shown--;
      osl_scene_add_chip (b->scene, chip_id, head_right ? x + 4 : x + w - 44, y + (h - 24) / 2,
                          40, 24, OSL_COLOR_SURFACE, text);
    }
  for (guint i = 0; i < shown; i++)
    {
      double tx = head_right ? x + w - 6 - (i + 1) * tw - i * 6 : x + 6 + i * (tw + 6);

      add_token (b, processes[i], tx, y + (h - th) / 2, tw, th);
    }
}

static guint *
queue_items (const OslSchedQueue *queue,
             guint               *n)
{
  guint *items = g_new (guint, MAX (queue->length, 1));

  for (guint i = 0; i < queue->length; i++)
    items[i] = osl_sched_queue_get (queue, i);
  *n = queue->length;
  return items;
}

static void
add_grid_tokens (Builder     *b,
                 const guint *processes,
                 guint        n,
                 double       x,
                 double       y,
                 double       w,
                 double       h)
{
  double tw = 52, th = 30;
  guint columns = MAX (1, (guint) ((w - 8) / (tw + 6)));
  guint rows = MAX (1, (guint) ((h - 8) / (th + 6)));
  guint shown = MIN (n, columns * rows);

  for (guint i = 0; i < shown; i++)
    add_token (b, processes[i], x + 6 + (i % columns) * (tw + 6), y + 6 + (i / columns) * (th + 6), tw, th);
  if (shown < n)
    {
      g_autofree char *text = g_strdup_printf (_("+%u more"), n - shown);
      OslSceneNode *node = osl_scene_add_text (b->scene, "exit:more", x, y + h - 22, w - 6, 20, text, 13);

      node->flags |= OSL_NODE_FLAG_ALIGN_END;
      node->text_color = OSL_COLOR_MUTED;
    }
}

/* Ready lanes: one per MLFQ level (the highest on top), one per priority
 * value for the Priority policy (up to five), otherwise one. */
static guint
ready_lanes (Builder *b,
             guint   *values)
{
  const OslSchedScenario *scenario = b->scenario;
  guint n = 0;

  if (scenario->policy == OSL_SCHED_MLFQ)
    {
      for (gint l = scenario->n_levels - 1; l >= 0; l--)
        values[n++] = l;
      return n;
    }
  if (scenario->policy == OSL_SCHED_PRIORITY)
    {
      gboolean seen[OSL_SCHED_MAX_PRIORITY + 1] = { FALSE };

      for (guint p = 0; p < scenario->processes->len; p++)
        seen[((OslSchedProcess *) g_ptr_array_index (scenario->processes, p))->priority] = TRUE;
      for (guint v = 0; v <= OSL_SCHED_MAX_PRIORITY; v++)
        if (seen[v])
          {
            if (n == 5)
              return 1;
            values[n++] = v;
          }
      return n;
    }
  values[0] = 0;
  return 1;
}

static guint
lane_of_priority (const guint *values,
                  guint        n_lanes,
                  guint        priority)
{
  guint lane = 0;

  for (guint i = 0; i < n_lanes; i++)
    if (values[i] <= priority)
      lane = i;
  return lane;
}

/* Returns the bottom of the lanes, which sit centred in the band. */
static double
add_ready_queues (Builder *b,
                  double   x,
                  double   y,
                  double   w,
                  double   h)
{
  guint values[OSL_SCHED_MAX_LEVELS];
  guint n_lanes = ready_lanes (b, values);
  double lane_gap = 8, lane_h = MIN (64, (h - (n_lanes - 1) * lane_gap) / n_lanes);
  double label_w = n_lanes > 1 ? 96 : 0;
  double block_h = n_lanes * lane_h + (n_lanes - 1) * lane_gap;
  g_autofree guint *all = NULL;
  guint n_all;

  add_label (b, "label:ready", x, y - LABEL_H - 2, w,
             b->scenario->policy == OSL_SCHED_MLFQ ? _("Ready queues (MLFQ)")
             : n_lanes > 1 ? _("Ready queues by priority") : _("Ready queue"));
  all = queue_items (&b->state->ready[0], &n_all);
  y += (h - block_h) / 2;
  for (guint lane = 0; lane < n_lanes; lane++)
    {
      g_autofree char *id = g_strdup_printf ("ready:%u", lane);
      g_autofree char *label_id = g_strdup_printf ("ready:%u:label", lane);
      g_autofree char *label = NULL;
      g_autofree guint *items = NULL;
      guint n = 0;
      double ly = y + lane * (lane_h + lane_gap);

      add_place (b, id, x, ly, w, lane_h, _("Processes that could run now and wait for a CPU; the head is on the right"));
      if (b->scenario->policy == OSL_SCHED_MLFQ)
        {
          guint level = values[lane];

          label = g_strdup_printf (_("Q%u · q %u"), level, b->scenario->level_quantum[level]);
          items = queue_items (&b->state->ready[level], &n);
        }
      else
        {
          items = g_new (guint, MAX (n_all, 1));
          for (guint i = 0; i < n_all; i++)
            if (n_lanes == 1 ||
                lane_of_priority (values, n_lanes, osl_sched_state_effective_priority (b->state, all[i])) == lane)
              items[n++] = all[i];
          if (n_lanes > 1)
            label = g_strdup_printf (_("priority %u"), values[lane]);
        }
      if (label != NULL)
        {
          OslSceneNode *node = osl_scene_add_text (b->scene, label_id, x + 8, ly, label_w - 8, lane_h, label, 14);

          node->text_color = OSL_COLOR_MUTED;
          node->flags |= OSL_NODE_FLAG_ALIGN_START;
        }
      add_lane_tokens (b, id, items, n, x + label_w, ly, w - label_w, lane_h, TRUE);
    }
  return y + block_h;
}

static const char *
mode_short (OslSchedMode mode)
{
  switch (mode)
    {
    case OSL_MODE_USER: return _("user · ring 3");
    case OSL_MODE_KERNEL_SCHEDULER: return _("kernel · scheduler");
    case OSL_MODE_KERNEL_TIMER: return _("kernel · timer");
    case OSL_MODE_KERNEL_SYSCALL: return _("kernel · syscall");
    case OSL_MODE_IDLE:
    default:
      return _("idle");
    }
}

/* One word for a chip too narrow for mode_short(): the colour, the
 * tooltip and the legend under the Gantt chart say user or kernel. */
static const char *
mode_word (OslSchedMode mode)
{
  switch (mode)
    {
    case OSL_MODE_USER: return _("user");
    case OSL_MODE_KERNEL_SCHEDULER: return _("scheduler");
    case OSL_MODE_KERNEL_TIMER: return _("timer");
    case OSL_MODE_KERNEL_SYSCALL: return _("syscall");
    case OSL_MODE_IDLE:
    default:
      return _("idle");
    }
}

static OslColor
mode_color (OslSchedMode mode)
{
  if (mode == OSL_MODE_USER)
    return OSL_COLOR_SKY_BLUE;
  if (mode == OSL_MODE_IDLE)
    return OSL_COLOR_SURFACE;
  return OSL_COLOR_VERMILION;
}

static OslPattern
mode_pattern (OslSchedMode mode)
{
  switch (mode)
    {
    case OSL_MODE_KERNEL_TIMER: return OSL_PATTERN_STRIPES;
    case OSL_MODE_KERNEL_SYSCALL: return OSL_PATTERN_DOTS;
    case OSL_MODE_KERNEL_SCHEDULER: return OSL_PATTERN_CROSS;
    case OSL_MODE_USER:
    case OSL_MODE_IDLE:
    default:
      return OSL_PATTERN_SOLID;
    }
}

/* The mode a CPU is in during the tick that starts now. */
static OslSchedMode
cpu_mode (Builder *b,
          guint    cpu)
{
  const OslSchedCpu *c = &b->state->cpus[cpu];

  if (c->process < 0)
    return OSL_MODE_IDLE;
  if (c->switch_left > 0)
    return c->switch_done == 0 ? c->switch_cause : OSL_MODE_KERNEL_SCHEDULER;
  return OSL_MODE_USER;
}

/* Many CPUs sit in two columns, unless a column would be too narrow for
 * a CPU's name beside its token: then in one, and the stacked view,
 * which scrolls, grows taller. */
static guint
cpu_columns (guint  n_cpus,
             double cpus_width)
{
  return n_cpus > 4 && (cpus_width - 8) / 2 >= CPU_MIN_COLUMN_W ? 2 : 1;
}

static void
add_cpus (Builder *b,
          double   x,
          double   y,
          double   w,
          double   h)
{
  guint n = b->scenario->n_cpus;
  guint columns = cpu_columns (n, w);
  guint rows = (n + columns - 1) / columns;
  double cw = (w - (columns - 1) * 8) / columns;
  double ch = MIN (96, (h - (rows - 1) * 8) / rows);
  double top = y;

  y += (h - rows * ch - (rows - 1) * 8) / 2;

  add_label (b, "label:cpus", x, top - LABEL_H - 2, w, n > 1 ? _("CPUs") : _("CPU"));
  for (guint c = 0; c < n; c++)
    {
      g_autofree char *id = g_strdup_printf ("cpu:%u", c);
      g_autofree char *name_id = g_strdup_printf ("cpu:%u:name", c);
      g_autofree char *mode_id = g_strdup_printf ("cpu:%u:mode", c);
      g_autofree char *name = g_strdup_printf (_("CPU %u"), c);
      double cx = x + (c % columns) * (cw + 8), cy = y + (c / columns) * (ch + 8);
      OslSchedMode mode = cpu_mode (b, c);
      OslSceneNode *node;
      double chip_h = MIN (24, ch / 2 - 4), chip_w;

      node = add_place (b, id, cx, cy, cw, ch, osl_sched_mode_title (mode));
      node->line_width = 2.5;
      node->stroke = OSL_COLOR_FOREGROUND;
      node = osl_scene_add_text (b->scene, name_id, cx + 8, cy + 4, cw - 16, ch / 2 - 4, name, BODY_FONT);
      node->flags |= OSL_NODE_FLAG_BOLD | OSL_NODE_FLAG_ALIGN_START;
      /* A CPU box with room for the token above the chip lets the chip
       * take the whole width, so "kernel · scheduler" fits. */
      chip_w = ch >= CPU_STACKED_H ? MIN (cw - 16, 160) : MIN (cw * 0.62, 150);
      node = osl_scene_add_chip (b->scene, mode_id, cx + 8, cy + ch - chip_h - 6, chip_w, chip_h, mode_color (mode),
                                 chip_w >= CHIP_PHRASE_W ? mode_short (mode) : mode_word (mode));
      /* The chip's words name the mode: no hatching under them, so they
       * stay legible in every theme. */
      node->font_size = chip_h < 20 ? 11 : 13;
      osl_scene_node_set_tooltip (node, osl_sched_mode_title (mode));
      if (b->state->cpus[c].process >= 0)
        {
          double tw = MIN (TOKEN_W, cw * 0.34), th = MIN (TOKEN_H, ch - 12);

          /* Centred, unless that would put it on a full-width chip. */
          double ty = ch >= CPU_STACKED_H ? MIN ((ch - th) / 2, ch - chip_h - 10 - th) : (ch - th) / 2;

          add_token (b, b->state->cpus[c].process, cx + cw - tw - 8, cy + ty, tw, th);
        }
    }
}

static void
add_arrow (Builder    *b,
           const char *id,
           double      x1,
           double      y1,
           double      x2,
           double      y2,
           const char *tooltip,
           gboolean    dashed)
{
  OslSceneNode *node = osl_scene_add_arrow (b->scene, id, x1, y1, x2, y2);

  node->stroke = OSL_COLOR_MUTED;
  node->line_width = 2;
  if (dashed)
    node->flags |= OSL_NODE_FLAG_DASHED;
  osl_scene_node_set_tooltip (node, tooltip);
}

static OslSceneNode *
add_arrow_label (Builder    *b,
                 const char *id,
                 double      x,
                 double      y,
                 double      w,
                 const char *text)
{
  OslSceneNode *node = osl_scene_add_text (b->scene, id, x, y, w, 18, text, ARROW_LABEL_FONT);

  node->text_color = OSL_COLOR_MUTED;
  return node;
}

/* The gap between the ready queue and the CPUs: wide enough for the
 * "dispatch" and "preempt" labels, in any language, with ARROW_LABEL_AIR
 * of air on each side, so that neither touches a box. */
static double
link_width (void)
{
  const char *labels[] = { _("dispatch"), _("preempt") };
  int widest = 0;

  for (guint i = 0; i < G_N_ELEMENTS (labels); i++)
    {
      int text_w;

      osl_painter_measure_text (labels[i], 0, ARROW_LABEL_FONT, 0, &text_w, NULL);
      widest = MAX (widest, text_w);
    }
  return MAX (72, widest + 2 * ARROW_LABEL_AIR);
}

/* The lecture's picture: job queue → ready queue → CPU → exit, and the
 * loop CPU → I/O queue → device → ready queue underneath. */
static void
add_queues (Builder *b,
            double   x,
            double   y,
            double   w,
            double   h)
{
  double link = link_width (), job_w = w * 0.15, cpu_w = w * CPU_SHARE, exit_w = w * 0.12;
  double ready_w = w - job_w - cpu_w - exit_w - 2 * 36 - link;
  double ready_x = x + job_w + 36, cpu_x = ready_x + ready_w + link, exit_x = cpu_x + cpu_w + 36;
  double io_h = 58, io_y = y + h - io_h, up_y = y + LABEL_H + 4, up_h = io_y - LABEL_H - 40 - up_y;
  double mid = up_y + up_h / 2, ready_bottom;
  g_autofree guint *jobs = NULL, *io = NULL, *done = NULL;
  guint n_jobs, n_io, n_done = 0;
  OslSceneNode *node;

  add_label (b, "label:jobs", x, up_y - LABEL_H - 2, job_w + 30, _("Job queue"));
  add_place (b, "jobs", x, up_y, job_w, up_h,
             _("Processes that have arrived but are not yet admitted to memory (degree of multiprogramming)"));
  jobs = queue_items (&b->state->job_queue, &n_jobs);
  add_grid_tokens (b, jobs, n_jobs, x, up_y, job_w, up_h);

  ready_bottom = add_ready_queues (b, ready_x, up_y, ready_w, up_h);
  add_cpus (b, cpu_x, up_y, cpu_w, up_h);

  add_label (b, "label:exit", exit_x, up_y - LABEL_H - 2, exit_w, _("Exit"));
  add_place (b, "exit", exit_x, up_y, exit_w, up_h, _("Terminated processes"));
  done = g_new (guint, b->state->n_processes);
  for (guint p = 0; p < b->state->n_processes; p++)
    if (b->state->procs[p].state == OSL_PROC_TERMINATED)
      done[n_done++] = p;
  add_grid_tokens (b, done, n_done, exit_x, up_y, exit_w, up_h);

  add_label (b, "label:device", x, io_y - LABEL_H - 2, job_w, _("I/O device"));
  add_place (b, "device", x, io_y, job_w, io_h, _("The device serves one request at a time, first come first served"));
  add_label (b, "label:io", ready_x, io_y - LABEL_H - 2, ready_w + cpu_w, _("I/O waiting queue"));
  add_place (b, "io", ready_x, io_y, ready_w + link + cpu_w, io_h,
             _("Processes waiting for the device; the head, on the left, is being served"));
  io = queue_items (&b->state->io_queue, &n_io);
  if (n_io > 0 && !b->scenario->io_parallel)
    {
      add_token (b, io[0], x + (job_w - TOKEN_W) / 2, io_y + (io_h - TOKEN_H) / 2, TOKEN_W, TOKEN_H);
      add_lane_tokens (b, "io", io + 1, n_io - 1, ready_x, io_y, ready_w + link + cpu_w, io_h, FALSE);
    }
  else
    add_lane_tokens (b, "io", io, n_io, ready_x, io_y, ready_w + link + cpu_w, io_h, FALSE);

  add_arrow (b, "arrow:admit", x + job_w + 2, mid, ready_x - 2, mid, _("admission"), FALSE);
  add_arrow (b, "arrow:dispatch", ready_x + ready_w + 2, mid + 14, cpu_x - 2, mid + 14, _("dispatch"), FALSE);
  add_arrow_label (b, "arrow:dispatch:label", ready_x + ready_w + ARROW_LABEL_AIR, mid + 16,
                   link - 2 * ARROW_LABEL_AIR, _("dispatch"));
  add_arrow (b, "arrow:back", cpu_x - 2, mid - 14, ready_x + ready_w + 2, mid - 14,
             _("quantum expired or preempted"), TRUE);
  add_arrow_label (b, "arrow:back:label", ready_x + ready_w + ARROW_LABEL_AIR, mid - 34,
                   link - 2 * ARROW_LABEL_AIR, _("preempt"));
  add_arrow (b, "arrow:exit", cpu_x + cpu_w + 2, mid, exit_x - 2, mid, _("exit"), FALSE);
  add_arrow (b, "arrow:request", cpu_x + cpu_w / 2, up_y + up_h + 2, cpu_x + cpu_w / 2, io_y - 2,
             _("I/O request (system call)"), FALSE);
  add_arrow_label (b, "arrow:request:label", cpu_x + cpu_w / 2 + 4, up_y + up_h + 8, 110, _("I/O request"));
  /* From the device's side, so the line never crosses the words of its
   * label or of the one beside it. */
  add_arrow (b, "arrow:done", x + job_w + 2, io_y + 12, ready_x - 2, ready_bottom - 6,
             _("I/O done (interrupt): back to the ready queue"), FALSE);
  /* Its words end where the arrow starts. */
  node = add_arrow_label (b, "arrow:done:label", x, io_y - 48, job_w, _("I/O done"));
  node->flags |= OSL_NODE_FLAG_ALIGN_END;
}

static void
add_stat_row (Builder     *b,
              const char  *row,
              const char **cells,
              double       x,
              double       y,
              double       w,
              gboolean     header)
{
  double name_w = w * 0.28, col_w = (w - name_w) / 4;

  for (guint c = 0; c < 5; c++)
    {
      g_autofree char *id = g_strdup_printf ("stats:%s:%u", row, c);
      OslSceneNode *node = osl_scene_add_text (b->scene, id, c == 0 ? x : x + name_w + (c - 1) * col_w, y,
                                               c == 0 ? name_w : col_w, 22, cells[c], BODY_FONT);

      node->flags |= c == 0 ? OSL_NODE_FLAG_ALIGN_START : OSL_NODE_FLAG_ALIGN_END;
      if (header)
        node->flags |= OSL_NODE_FLAG_BOLD;
      if (header && c > 0)
        node->text_color = OSL_COLOR_MUTED;
    }
}

static char *
stat_value (gint value)
{
  return value < 0 ? g_strdup ("–") : g_strdup_printf ("%d", value);
}

static void
add_stats (Builder *b,
           double   x,
           double   y,
           double   w,
           double   h)
{
  g_autoptr(OslSchedStats) stats = osl_sched_stats_new_from_state (b->state);
  /* TRANSLATORS: column heads of the statistics table: response time,
   * turnaround time, waiting time, I/O time; keep them short. */
  const char *headers[] = { _("Process"), _("Resp."), _("Turn."), _("Wait"), _("I/O") };
  guint max_rows = MAX (1, (guint) ((h - STATS_CHROME) / 22));
  guint n_rows = MIN (stats->n_processes, max_rows);
  double avg_util = 0, tx = x + 12, tw = w - 24;
  g_autofree char *title = g_strdup_printf (_("Statistics at t = %u"), b->state->now);
  gboolean any_started = FALSE, any_done = FALSE;
  g_autofree char *resp = NULL, *turn = NULL, *wait = NULL;
  const char *average[5];
  g_autofree char *machine = NULL;
  OslSceneNode *node;

  for (guint p = 0; p < stats->n_processes; p++)
    {
      any_started |= stats->procs[p].response >= 0;
      any_done |= stats->procs[p].turnaround >= 0;
    }
  /* An average over nobody is no number at all. */
  resp = any_started ? g_strdup_printf ("%.1f", stats->avg_response) : g_strdup ("–");
  turn = any_done ? g_strdup_printf ("%.1f", stats->avg_turnaround) : g_strdup ("–");
  wait = any_done ? g_strdup_printf ("%.1f", stats->avg_wait) : g_strdup ("–");
  average[0] = _("Average");
  average[1] = resp;
  average[2] = turn;
  average[3] = wait;
  average[4] = "";
  add_place (b, "stats", x, y, w, h, _("Per-process statistics so far: response = first run − arrival, turnaround = exit − arrival, wait = time in the job and ready queues; averages over the processes that got that far"));
  add_label (b, "stats:title", tx, y + 8, tw, title);
  add_stat_row (b, "head", headers, tx, y + 36, tw, TRUE);
  for (guint p = 0; p < n_rows; p++)
    {
      const OslSchedProcStats *s = &stats->procs[p];
      gboolean unborn = b->state->procs[p].state == OSL_PROC_UNBORN;
      g_autofree char *row = g_strdup_printf ("%u", p);
      g_autofree char *response = stat_value (s->response);
      g_autofree char *turnaround = stat_value (s->turnaround);
      g_autofree char *waited = unborn ? g_strdup ("–") : g_strdup_printf ("%u", s->wait);
      g_autofree char *io = unborn ? g_strdup ("–") : g_strdup_printf ("%u", s->io);
      const char *cells[] = { process_name (b->scenario, p), response, turnaround, waited, io };

      add_stat_row (b, row, cells, tx, y + 58 + p * 22, tw, FALSE);
    }
  if (n_rows < stats->n_processes)
    {
      g_autofree char *more = g_strdup_printf (_("… and %u more processes"), stats->n_processes - n_rows);

      node = osl_scene_add_text (b->scene, "stats:more", tx, y + 58 + n_rows * 22, tw, 22, more, 14);
      node->text_color = OSL_COLOR_MUTED;
      node->flags |= OSL_NODE_FLAG_ALIGN_START;
    }
  add_stat_row (b, "average", average, tx, y + h - 60, tw, TRUE);
  for (guint c = 0; c < b->scenario->n_cpus; c++)
    avg_util += stats->utilisation[c] / b->scenario->n_cpus;
  machine = g_strdup_printf (ngettext ("CPU busy %.0f %% · %u context switch",
                                       "CPU busy %.0f %% · %u context switches", stats->switches),
                             100 * avg_util, stats->switches);
  node = osl_scene_add_text (b->scene, "stats:machine", tx, y + h - 34, tw, 22, machine, BODY_FONT);
  node->flags |= OSL_NODE_FLAG_ALIGN_START;
}

static double
axis_step (double cell)
{
  static const guint steps[] = { 1, 2, 5, 10, 20, 50, 100, 200, 500, 1000, 2000, 5000, 10000, 100000, 1000000 };

  for (guint i = 0; i < G_N_ELEMENTS (steps); i++)
    if (steps[i] * cell >= 44)
      return steps[i];
  return 10000000;
}

/* One Gantt row: runs of equal cells become one box, whose id is its
 * start, so a growing run widens smoothly from frame to frame. */
static void
add_gantt_row (Builder    *b,
               const char *prefix,
               guint       column,
               gboolean    modes,
               guint       tick,
               double      x,
               double      y,
               double      cell,
               double      h)
{
  guint start = 0;

  while (start < tick)
    {
      const OslSchedSlot *first = &osl_sched_run_get_slots (b->run, start)[column];
      guint end = start + 1;
      g_autofree char *id = NULL;
      OslSceneNode *node;

      while (end < tick)
        {
          const OslSchedSlot *slot = &osl_sched_run_get_slots (b->run, end)[column];

          /* A mode lane shows the mode alone: user time of one process
           * after another is one run. */
          if (modes ? slot->mode != first->mode
                    : slot->process != first->process ||
                      (slot->mode == OSL_MODE_USER) != (first->mode == OSL_MODE_USER))
            break;
          end++;
        }
      id = g_strdup_printf ("%s:%u:%s:%u", prefix, column, modes ? "mode" : "run", start);
      if (modes && first->mode != OSL_MODE_IDLE)
        {
          node = osl_scene_add_box (b->scene, id, x + start * cell, y, (end - start) * cell, h,
                                    mode_color (first->mode), NULL);
          node->pattern = mode_pattern (first->mode);
          node->radius = 0;
          node->stroke = OSL_COLOR_NONE;
          osl_scene_node_set_tooltip (node, osl_sched_mode_title (first->mode));
        }
      else if (!modes && first->process >= 0 && (first->mode == OSL_MODE_USER || column == b->scenario->n_cpus))
        {
          g_autofree char *tooltip = g_strdup_printf (_("%s, t = %u to %u"),
                                                      process_name (b->scenario, first->process), start, end);
          const char *name = process_name (b->scenario, first->process);
          double w = (end - start) * cell;

          /* A name that would wrap is left to the colour, the pattern
           * and the tooltip. */
          node = osl_scene_add_box (b->scene, id, x + start * cell, y, w, h,
                                    process_color (first->process),
                                    w >= 14 + 10 * g_utf8_strlen (name, -1) ? name : NULL);
          node->pattern = process_pattern (first->process);
          node->radius = 0;
          node->line_width = 1;
          node->stroke = OSL_COLOR_FOREGROUND;
          node->font_size = MIN (BODY_FONT, h - 4);
          node->flags |= OSL_NODE_FLAG_BOLD;
          osl_scene_node_set_role (node, "gantt");
          osl_scene_node_set_tooltip (node, tooltip);
        }
      start = end;
    }
}

static void
add_row_label (Builder    *b,
               const char *id,
               double      x,
               double      y,
               double      h,
               const char *text,
               double      size)
{
  OslSceneNode *node = osl_scene_add_text (b->scene, id, x, y, GANTT_LABEL - 8, h, text, size);

  node->flags |= OSL_NODE_FLAG_ALIGN_END;
  node->text_color = size < BODY_FONT ? OSL_COLOR_MUTED : OSL_COLOR_FOREGROUND;
}

/* The mode legend takes one row of four when the chart is wide enough,
 * otherwise two rows of two. */
static guint
legend_rows (double width)
{
  return width >= 4 * LEGEND_ITEM_W ? 1 : 2;
}

static void
add_mode_legend (Builder    *b,
                 const char *prefix,
                 double      x,
                 double      y,
                 double      w)
{
  static const OslSchedMode modes[] = {
    OSL_MODE_USER, OSL_MODE_KERNEL_TIMER, OSL_MODE_KERNEL_SYSCALL, OSL_MODE_KERNEL_SCHEDULER,
  };
  g_autofree char *label_id = g_strdup_printf ("%s:legend", prefix);
  OslSceneNode *node = osl_scene_add_text (b->scene, label_id, x - GANTT_LABEL, y, GANTT_LABEL - 8, 24,
                                           _("kernel = ring 0"), 13);
  guint columns = G_N_ELEMENTS (modes) / legend_rows (w);

  node->flags |= OSL_NODE_FLAG_ALIGN_END;
  node->text_color = OSL_COLOR_MUTED;
  for (guint i = 0; i < G_N_ELEMENTS (modes); i++)
    {
      g_autofree char *id = g_strdup_printf ("%s:legend:%u", prefix, i);

      g_autofree char *text_id = g_strdup_printf ("%s:legend:%u:text", prefix, i);

      double item_x = x + (i % columns) * LEGEND_ITEM_W, item_y = y + (i / columns) * 24;

      /* A patterned swatch beside plain text: the label stays legible. */
      node = osl_scene_add_box (b->scene, id, item_x, item_y + 4, 28, 16, mode_color (modes[i]), NULL);
      node->pattern = mode_pattern (modes[i]);
      node->radius = 2;
      osl_scene_node_set_tooltip (node, osl_sched_mode_title (modes[i]));
      node = osl_scene_add_text (b->scene, text_id, item_x + 34, item_y, 134, 24, mode_short (modes[i]), 14);
      node->flags |= OSL_NODE_FLAG_ALIGN_START;
    }
}

/* A Gantt chart of CPU rows (each with its mode lane) and the device,
 * drawn up to @tick on a scale of @scale_length ticks. */
static void
add_gantt (Builder    *b,
           const char *prefix,
           guint       tick,
           guint       scale_length,
           gboolean    modes,
           double      x,
           double      y,
           double      w,
           double      h)
{
  guint n = b->scenario->n_cpus;
  double axis_h = modes ? 30 + legend_rows (w - GANTT_LABEL) * 24 : 24, chart_x = x + GANTT_LABEL, chart_w = w - GANTT_LABEL;
  double cell = chart_w / MAX (scale_length, 1);
  double per_cpu_extra = modes ? MODE_H + 4 : 0;
  double row_h = CLAMP ((h - axis_h - n * (per_cpu_extra + 6) - 6) / (n + 1), 12, 40);
  double row_y = y, step = axis_step (cell);
  g_autofree char *now_id = g_strdup_printf ("%s:now", prefix);
  OslSceneNode *node;

  for (guint c = 0; c <= n; c++)
    {
      g_autofree char *bg_id = g_strdup_printf ("%s:bg:%u", prefix, c);
      g_autofree char *label_id = g_strdup_printf ("%s:label:%u", prefix, c);
      g_autofree char *label = c < n ? g_strdup_printf (_("CPU %u"), c) : g_strdup (_("I/O device"));

      node = osl_scene_add_box (b->scene, bg_id, chart_x, row_y, cell * scale_length, row_h, OSL_COLOR_SURFACE, NULL);
      node->radius = 0;
      add_row_label (b, label_id, x, row_y, row_h, label, MIN (BODY_FONT, row_h));
      add_gantt_row (b, prefix, c, FALSE, tick, chart_x, row_y, cell, row_h);
      row_y += row_h + 4;
      if (c < n && modes)
        {
          g_autofree char *mode_label_id = g_strdup_printf ("%s:modelabel:%u", prefix, c);

          add_row_label (b, mode_label_id, x, row_y - 3, MODE_H + 6, _("mode"), 12);
          add_gantt_row (b, prefix, c, TRUE, tick, chart_x, row_y, cell, MODE_H);
          row_y += MODE_H + 6;
        }
    }
  for (double t = 0; t <= scale_length; t += step)
    {
      g_autofree char *id = g_strdup_printf ("%s:axis:%u", prefix, (guint) t);
      g_autofree char *text = g_strdup_printf ("%u", (guint) t);

      double label_x = MIN (chart_x + t * cell - 30, chart_x + chart_w - 60);

      node = osl_scene_add_text (b->scene, id, label_x, row_y, 60, 20, text, 13);
      node->text_color = OSL_COLOR_MUTED;
      if (label_x < chart_x + t * cell - 30)
        node->flags |= OSL_NODE_FLAG_ALIGN_END;
    }
  if (modes)
    add_mode_legend (b, prefix, chart_x, row_y + 24, chart_w);
  node = osl_scene_add_arrow (b->scene, now_id, chart_x + tick * cell, y - 4, chart_x + tick * cell, row_y);
  node->stroke = OSL_COLOR_ACCENT;
  node->line_width = 3;
  node->flags |= OSL_NODE_FLAG_NO_HEAD;
  osl_scene_node_set_tooltip (node, _("now"));
}

static char *
event_text (Builder *b,
            guint    tick)
{
  guint n_events;
  const OslSchedEvent *events = osl_sched_run_get_events (b->run, tick, &n_events);
  GString *text = g_string_new (NULL);
  guint shown = 0;

  for (guint e = 0; e < n_events && shown < 3; e++)
    {
      g_autofree char *sentence = NULL;

      /* "Idle" and "picked again" repeat what the picture shows. */
      if (n_events > 2 && (events[e].kind == OSL_EVENT_IDLE || events[e].kind == OSL_EVENT_CONTINUE))
        continue;
      sentence = osl_sched_event_describe (b->scenario, &events[e]);
      if (shown > 0)
        {
          /* Later sentences drop the repeated "t = 12: " and start with
           * a capital letter instead. */
          char *body = strchr (sentence, ':') + 2;

          body[0] = g_ascii_toupper (body[0]);
          g_string_append_printf (text, " %s", body);
        }
      else
        g_string_append (text, sentence);
      shown++;
    }
  if (shown == 0)
    g_string_printf (text, _("t = %u: nothing changes; every running process keeps its CPU."), tick);
  return g_string_free (text, FALSE);
}

/* The title, the policy and the clock. Narrow, the title may take two
 * lines and the policy a line of its own below the clock. */
/* Stacked, a title may take two lines: a generous guess from its length
 * (bold 20 px glyphs average well under 13 px) tells whether the policy
 * line must leave room for the second. The title is the scenario's, so
 * the guess does not change from tick to tick. */
static double
narrow_policy_y (const char *title,
                 double      width)
{
  double title_w = width - 2 * MARGIN - 240;

  return title != NULL && g_utf8_strlen (title, -1) * 13 > title_w ? 64 : 40;
}

static void
add_header (Builder    *b,
            const char *title,
            guint       tick,
            double      width,
            gboolean    narrow)
{
  g_autofree char *policy = osl_sched_scene_policy_line (b->scenario);
  g_autofree char *clock = g_strdup_printf ("t = %u", tick);
  g_autofree char *of = g_strdup_printf (_("of %u ticks"), osl_sched_run_get_length (b->run));
  double title_w = width - 2 * MARGIN - 240;
  double policy_y = narrow ? narrow_policy_y (title, width) : 40, policy_w = narrow ? width - 2 * MARGIN : title_w;
  OslSceneNode *node;

  node = osl_scene_add_text (b->scene, "title", MARGIN, 10, title_w, narrow ? policy_y - 10 : 30,
                             title != NULL ? title : policy, narrow ? 20 : 22);
  node->flags |= OSL_NODE_FLAG_BOLD | OSL_NODE_FLAG_ALIGN_START;
  if (narrow)
    node->flags |= OSL_NODE_FLAG_VALIGN_TOP;
  if (title != NULL)
    {
      node = osl_scene_add_text (b->scene, "policy", MARGIN, policy_y, policy_w, narrow ? 40 : 22, policy, BODY_FONT);
      node->flags |= OSL_NODE_FLAG_ALIGN_START;
      if (narrow)
        node->flags |= OSL_NODE_FLAG_VALIGN_TOP;
      node->text_color = OSL_COLOR_MUTED;
    }
  node = osl_scene_add_box (b->scene, "clock", width - MARGIN - 220, 10, 120, 48, OSL_COLOR_SURFACE, clock);
  node->font_size = 26;
  node->flags |= OSL_NODE_FLAG_BOLD | OSL_NODE_FLAG_MONOSPACE;
  node->stroke = OSL_COLOR_ACCENT;
  node->line_width = 2;
  osl_scene_node_set_tooltip (node, _("The clock: one tick is one unit of CPU time"));
  node = osl_scene_add_text (b->scene, "clock:of", width - MARGIN - 94, 10, 94, 48, of, BODY_FONT);
  node->text_color = OSL_COLOR_MUTED;
  node->flags |= OSL_NODE_FLAG_ALIGN_START;
}

/* The Gantt chart's height with rows of @row_h: CPU rows with their
 * mode lanes, the device row, the axis and the legend. */
static double
gantt_height (guint  n_cpus,
              double width,
              double row_h)
{
  return (n_cpus + 1) * row_h + n_cpus * (MODE_H + 10) + 30 + legend_rows (width - GANTT_LABEL) * 24;
}

/* Rows at their largest: the Gantt chart grows no further. */
static double
gantt_natural_height (guint  n_cpus,
                      double width)
{
  return gantt_height (n_cpus, width, 40);
}

/* The statistics table with a row for each of @n_rows processes. */
static double
stats_height (guint n_rows)
{
  return STATS_CHROME + n_rows * 22;
}

/* Where the parts of the view go at one size. */
typedef struct
{
  gboolean narrow;
  double   width, height;
  double   sentence_y, sentence_h;
  double   queues_top, queues_bottom;
  double   gantt_h;
  double   stats_h;       /* narrow only: the table below the chart */
} Layout;

/* Wide, the statistics sit beside the queues and the scene fills the
 * view. Zoomed in, the view offers fewer logical pixels: then the
 * queues, the Gantt chart and the statistics are stacked at full width
 * and the scene may be taller than the view, which then scrolls, so the
 * text grows with the zoom instead of the whole picture shrinking. */
static void
plan_layout (const OslSchedScenario *scenario,
             double                  width,
             double                  height,
             Layout                 *layout)
{
  gboolean narrow = width < WIDE_WIDTH;
  double queues_w = narrow ? MAX (width, NARROW_MIN_WIDTH) - 2 * MARGIN : (width - 2 * MARGIN) * QUEUES_SHARE;
  guint n_cpus = scenario->n_cpus, columns = cpu_columns (n_cpus, queues_w * CPU_SHARE);
  guint cpu_rows = (n_cpus + columns - 1) / columns;
  /* The queue picture needs its labels, arrows and I/O row, and 78 for
   * each row of CPUs (their boxes hold a token above the mode chip). */
  double queues_least = 146 + cpu_rows * 78;

  layout->narrow = narrow;
  /* Stacked, the policy line may wrap: the sentence starts below two. */
  layout->sentence_y = layout->narrow && scenario->title != NULL
                       ? narrow_policy_y (scenario->title, MAX (width, NARROW_MIN_WIDTH)) + 44 : 68;
  layout->sentence_h = layout->narrow ? 70 : 46;
  /* The queues' labels sit inside their top; stacked, they follow the
   * sentence's box closely, with a little room for a longer translation. */
  layout->queues_top = layout->sentence_y + layout->sentence_h + (layout->narrow ? 12 : 26);
  if (layout->narrow)
    {
      double natural;

      layout->width = MAX (width, NARROW_MIN_WIDTH);
      layout->gantt_h = gantt_natural_height (n_cpus, layout->width - 2 * MARGIN);
      layout->stats_h = stats_height (MIN (scenario->processes->len, NARROW_STATS_ROWS));
      /* Stacked, the queues keep the height they need: any more would
       * only open a gap above the ready queue, which is centred in them;
       * extra height stays below. */
      natural = layout->queues_top + queues_least + NARROW_QUEUES_AIR + 24 + layout->gantt_h + 24 + layout->stats_h + MARGIN;
      layout->queues_bottom = layout->queues_top + queues_least + NARROW_QUEUES_AIR;
      layout->height = MAX (height, natural);
    }
  else
    {
      /* Side by side, the chart's rows may shrink to 24 before the
       * whole scene does. */
      double least = layout->queues_top + queues_least + 24 + gantt_height (n_cpus, width - 2 * MARGIN, 24) + MARGIN;

      /* A view too low for the scene shrinks it to fit its height: then
       * the scene is widened as much, so that it still fills the width. */
      layout->width = height > 0 && height < least ? width * least / height : width;
      layout->height = MAX (height, least);
      layout->gantt_h = MIN (layout->height * 0.4, gantt_natural_height (n_cpus, layout->width - 2 * MARGIN));
      layout->queues_bottom = layout->height - MARGIN - 24 - layout->gantt_h;
      layout->stats_h = 0;
    }
}

/**
 * osl_sched_scene_natural_height:
 *
 * Returns: the least height, in logical pixels, that the view of @run
 * needs at @width, so that it scrolls when it offers less: stacked, the
 * height that keeps the full size; side by side, which shrinks to fit,
 * the height at which the scene has shrunk as far as it may.
 */
double
osl_sched_scene_natural_height (OslSchedRun *run,
                                double       width)
{
  Layout layout;

  plan_layout (osl_sched_run_get_scenario (run), width, 0, &layout);
  return layout.narrow ? layout.height : ceil (layout.height * WIDE_MIN_SCALE);
}

/**
 * osl_sched_scene_export_width:
 *
 * Returns: the width to build an exported picture of @width × @height
 * logical pixels at: an export is one picture that does not scroll, so a
 * landscape one keeps the side-by-side layout even when small, and the
 * painter scales it down to fit.
 */
double
osl_sched_scene_export_width (double width,
                              double height)
{
  return width < WIDE_WIDTH && width >= height ? WIDE_WIDTH : width;
}

/* The whole view at @tick. */
OslScene *
osl_sched_scene_build (OslSchedRun *run,
                       guint        tick,
                       double       width,
                       double       height)
{
  Builder b = { NULL, run, NULL, osl_sched_run_get_scenario (run) };
  g_autofree char *sentence = NULL;
  double queues_w, margin_w;
  OslSceneNode *node;
  Layout l;

  plan_layout (b.scenario, width, height, &l);
  margin_w = l.width - 2 * MARGIN;
  tick = MIN (tick, osl_sched_run_get_length (run));
  b.scene = osl_scene_new (l.width, l.height, _("Scheduling"));
  b.state = osl_sched_run_get_state (run, tick);
  add_header (&b, b.scenario->title, tick, l.width, l.narrow);
  sentence = event_text (&b, tick);
  node = osl_scene_add_text (b.scene, "sentence", MARGIN, l.sentence_y, margin_w, l.sentence_h, sentence, 17);
  node->flags |= OSL_NODE_FLAG_ALIGN_START | OSL_NODE_FLAG_VALIGN_TOP;
  osl_scene_node_set_role (node, "narration");
  osl_scene_set_summary (b.scene, sentence);

  queues_w = margin_w * (l.narrow ? 1 : QUEUES_SHARE);
  add_queues (&b, MARGIN, l.queues_top, queues_w, l.queues_bottom - l.queues_top);
  /* The table ends after its last row rather than as a tall empty panel. */
  if (!l.narrow)
    add_stats (&b, MARGIN + queues_w + 20, 122, margin_w - queues_w - 20,
               MIN (l.queues_bottom - 122, stats_height (b.scenario->processes->len)));
  add_gantt (&b, "gantt", tick, osl_sched_run_get_length (run), TRUE,
             MARGIN, l.queues_bottom + 24, margin_w, l.gantt_h);
  if (l.narrow)
    add_stats (&b, MARGIN, l.queues_bottom + 24 + l.gantt_h + 24, margin_w, l.stats_h);
  return b.scene;
}

static void
add_diff_row (OslScene   *scene,
              const char *table,
              guint       row,
              const char *name,
              const char *first,
              const char *second,
              const char *change,
              OslColor    change_color,
              double      x,
              double      y,
              double      w)
{
  const char *cells[] = { name, first, second, change };
  /* The name column is wider: "Turnaround" heads one table; the others
   * hold a policy's short name such as "Priority" or "RR q10". */
  double name_w = w * 0.36, column_w = (w - name_w) / 3;

  for (guint c = 0; c < 4; c++)
    {
      g_autofree char *id = g_strdup_printf ("%s:%u:%u", table, row, c);
      OslSceneNode *node = osl_scene_add_text (scene, id, c == 0 ? x : x + name_w + (c - 1) * column_w, y,
                                               (c == 0 ? name_w : column_w) - 8, 22, cells[c], BODY_FONT);

      node->flags |= c == 0 ? OSL_NODE_FLAG_ALIGN_START : OSL_NODE_FLAG_ALIGN_END;
      if (row == 0)
        node->flags |= OSL_NODE_FLAG_BOLD;
      if (c == 3)
        node->text_color = change_color;
    }
}

/* Lower is better for every figure but CPU use; the change is coloured
 * and signed, so it reads without the colour too. */
static void
add_diff_values (OslScene   *scene,
                 const char *table,
                 guint       row,
                 const char *name,
                 double      a,
                 double      b,
                 gboolean    higher_is_better,
                 double      x,
                 double      y,
                 double      w)
{
  gboolean whole = a == floor (a) && b == floor (b);
  g_autofree char *va = g_strdup_printf (whole ? "%.0f" : "%.1f", a);
  g_autofree char *vb = g_strdup_printf (whole ? "%.0f" : "%.1f", b);
  g_autofree char *change = g_strdup_printf (whole ? "%+.0f" : "%+.1f", b - a);
  gboolean better = higher_is_better ? b > a : b < a;

  add_diff_row (scene, table, row, name, va, vb, change,
                fabs (b - a) < 0.05 ? OSL_COLOR_FOREGROUND : better ? OSL_COLOR_GREEN : OSL_COLOR_VERMILION,
                x, y, w);
}

/* Turnaround per process under both policies: who gains and who pays
 * for a policy's better average (the long job under SJF, say). */
static void
add_turnaround_diff (OslScene               *scene,
                     const OslSchedScenario *scenario,
                     const char             *title_a,
                     const char             *title_b,
                     const OslSchedStats    *sa,
                     const OslSchedStats    *sb,
                     double                  x,
                     double                  y,
                     double                  w,
                     guint                   max_rows)
{
  /* When not all fit, the last line says how many are left out. */
  guint n_rows = sa->n_processes <= max_rows ? sa->n_processes : max_rows - 1;
  guint n_lines = n_rows < sa->n_processes ? n_rows + 1 : n_rows;
  g_autofree char *tooltip = NULL;
  OslSceneNode *node;

  if (max_rows < 2)
    return;
  node = osl_scene_add_box (scene, "turnaround", x, y, w, DIFF_CHROME + n_lines * DIFF_ROW, OSL_COLOR_SURFACE, NULL);
  tooltip = g_strdup_printf (_("Turnaround (exit − arrival) of each process under each policy; the last column is %s − %s"),
                             title_b, title_a);
  osl_scene_node_set_tooltip (node, tooltip);
  add_diff_row (scene, "turnaround", 0, _("Turnaround"), title_a, title_b, _("change"), OSL_COLOR_FOREGROUND,
                x + 12, y + 10, w - 24);
  for (guint p = 0; p < n_rows; p++)
    add_diff_values (scene, "turnaround", p + 1, process_name (scenario, p), sa->procs[p].turnaround,
                     sb->procs[p].turnaround, FALSE, x + 12, y + 40 + p * DIFF_ROW, w - 24);
  if (n_rows < sa->n_processes)
    {
      g_autofree char *more = g_strdup_printf (_("… and %u more processes"), sa->n_processes - n_rows);

      node = osl_scene_add_text (scene, "turnaround:more", x + 12, y + 40 + n_rows * DIFF_ROW, w - 24, DIFF_ROW, more, 14);
      node->text_color = OSL_COLOR_MUTED;
      node->flags |= OSL_NODE_FLAG_ALIGN_START;
    }
}

/* Narrow, each chart gets the height its rows need. */
static double
compare_chart_height (OslSchedRun *first,
                      OslSchedRun *second,
                      double       charts_width)
{
  guint n_cpus = MAX (osl_sched_run_get_scenario (first)->n_cpus, osl_sched_run_get_scenario (second)->n_cpus);

  return gantt_natural_height (n_cpus, charts_width);
}

/* Narrow: the title, two charts with their policy lines, then the
 * table of averages. */
static double
compare_natural_height (OslSchedRun *first,
                        OslSchedRun *second,
                        double       width)
{
  guint n_lines = MIN (osl_sched_run_get_scenario (first)->processes->len, NARROW_STATS_ROWS + 1);

  width = MAX (width, NARROW_MIN_WIDTH);
  return 56 + 2 * (compare_chart_height (first, second, width - 2 * MARGIN) + 52) + DIFF_TABLE_H +
         DIFF_GAP + DIFF_CHROME + n_lines * DIFF_ROW + MARGIN;
}

/**
 * osl_sched_scene_compare_natural_height:
 *
 * Returns: as osl_sched_scene_natural_height(), for the comparison of
 * @first and @second.
 */
double
osl_sched_scene_compare_natural_height (OslSchedRun *first,
                                        OslSchedRun *second,
                                        double       width)
{
  return width < WIDE_WIDTH ? compare_natural_height (first, second, width) : 0;
}

/* Two policies on one workload: two Gantt charts on one time scale, and
 * what changed in the averages. */
OslScene *
osl_sched_scene_compare (OslSchedRun *first,
                         OslSchedRun *second,
                         guint        tick,
                         double       width,
                         double       height)
{
  OslScene *scene;
  Builder a = { NULL, first, NULL, osl_sched_run_get_scenario (first) };
  Builder b = { NULL, second, NULL, osl_sched_run_get_scenario (second) };
  guint length = MAX (osl_sched_run_get_length (first), osl_sched_run_get_length (second));
  const OslSchedStats *sa = osl_sched_run_get_stats (first);
  const OslSchedStats *sb = osl_sched_run_get_stats (second);
  gboolean narrow = width < WIDE_WIDTH;
  double chart_h, charts_w, util_a = 0, util_b = 0, table_w = DIFF_TABLE_W;
  g_autofree char *title_a = policy_column_title (a.scenario);
  g_autofree char *title_b = policy_column_title (b.scenario);
  g_autofree char *tooltip = NULL;
  OslSceneNode *node;

  if (narrow)
    {
      width = MAX (width, NARROW_MIN_WIDTH);
      charts_w = width - 2 * MARGIN;
      chart_h = compare_chart_height (first, second, charts_w);
      height = MAX (height, compare_natural_height (first, second, width));
    }
  else
    {
      height = MAX (height, 680);
      charts_w = width - 3 * MARGIN - table_w;
      /* Rows stop growing at their natural height: the second chart
       * follows the first rather than leaving a gap between them. */
      chart_h = MIN ((height - 110) / 2 - 40, compare_chart_height (first, second, charts_w));
    }
  scene = osl_scene_new (width, height, _("Scheduling: comparison"));
  a.scene = b.scene = scene;
  node = osl_scene_add_text (scene, "title", MARGIN, 10, width - 2 * MARGIN, 30,
                             _("The same workload under two policies"), 22);
  node->flags |= OSL_NODE_FLAG_BOLD | OSL_NODE_FLAG_ALIGN_START;
  for (guint i = 0; i < 2; i++)
    {
      Builder *builder = i == 0 ? &a : &b;
      g_autofree char *policy = osl_sched_scene_policy_line (builder->scenario);
      g_autofree char *id = g_strdup_printf ("compare:%u:title", i);
      g_autofree char *prefix = g_strdup_printf ("gantt%u", i);
      double top = 56 + i * (chart_h + 52);

      node = osl_scene_add_text (scene, id, MARGIN, top, charts_w, 24, policy, 17);
      node->flags |= OSL_NODE_FLAG_BOLD | OSL_NODE_FLAG_ALIGN_START;
      add_gantt (builder, prefix, MIN (tick, osl_sched_run_get_length (builder->run)), length, TRUE,
                 MARGIN, top + 30, charts_w, chart_h);
    }
  for (guint c = 0; c < a.scenario->n_cpus; c++)
    util_a += 100 * sa->utilisation[c] / a.scenario->n_cpus;
  for (guint c = 0; c < b.scenario->n_cpus; c++)
    util_b += 100 * sb->utilisation[c] / b.scenario->n_cpus;
  {
    /* Wide, the table sits beside the charts; narrow, below them. */
    double tx = narrow ? MARGIN : width - MARGIN - table_w, ty = narrow ? 56 + 2 * (chart_h + 52) : 56;
    OslSceneNode *place = osl_scene_add_box (scene, "diff", tx, ty, table_w, DIFF_TABLE_H, OSL_COLOR_SURFACE, NULL);

    tooltip = g_strdup_printf (_("Averages over all processes at the end of each run; the last column is %s − %s"),
                               title_b, title_a);
    osl_scene_node_set_tooltip (place, tooltip);
    tx += 12;
    ty += 10;
    add_diff_row (scene, "diff", 0, _("Average"), title_a, title_b, _("change"), OSL_COLOR_FOREGROUND,
                  tx, ty, table_w - 24);
    add_diff_values (scene, "diff", 1, _("response"), sa->avg_response, sb->avg_response, FALSE, tx, ty + 30, table_w - 24);
    add_diff_values (scene, "diff", 2, _("turnaround"), sa->avg_turnaround, sb->avg_turnaround, FALSE, tx, ty + 56, table_w - 24);
    add_diff_values (scene, "diff", 3, _("wait"), sa->avg_wait, sb->avg_wait, FALSE, tx, ty + 82, table_w - 24);
    add_diff_values (scene, "diff", 4, _("length"), sa->length, sb->length, FALSE, tx, ty + 108, table_w - 24);
    add_diff_values (scene, "diff", 5, _("switches"), sa->switches, sb->switches, FALSE, tx, ty + 134, table_w - 24);
    add_diff_values (scene, "diff", 6, _("CPU busy %"), util_a, util_b, TRUE, tx, ty + 160, table_w - 24);
    node = osl_scene_add_text (scene, "diff:note", tx, ty + 196, table_w - 24, 40,
                               _("Lower is better for response, turnaround and wait."), 14);
    node->text_color = OSL_COLOR_MUTED;
    node->flags |= OSL_NODE_FLAG_ALIGN_START;
    add_turnaround_diff (scene, a.scenario, title_a, title_b, sa, sb, tx - 12, ty - 10 + DIFF_TABLE_H + DIFF_GAP, table_w,
                         narrow ? NARROW_STATS_ROWS + 1
                                : (guint) MAX (0, (height - MARGIN - (ty - 10 + DIFF_TABLE_H + DIFF_GAP) - DIFF_CHROME) / DIFF_ROW));
  }
  return scene;
}

static OslSchedScenario *
default_scenario (void)
{
  OslSchedScenario *scenario = osl_sched_scenario_new ();

  osl_sched_scenario_randomize (scenario, 4, 6);
  scenario->policy = OSL_SCHED_RR;
  scenario->quantum = 3;
  scenario->switch_cost = 1;
  return scenario;
}

/* For os-lens-cli render and export: the scenario half-way through. */
OslScene *
osl_sched_scene_for_file (const char  *path,
                          double       width,
                          double       height,
                          GError     **error)
{
  OslSchedScenario *scenario = path != NULL ? osl_sched_scenario_load (path, error) : default_scenario ();
  g_autoptr(OslSchedRun) run = NULL;

  if (scenario == NULL)
    return NULL;
  run = osl_sched_run_new (scenario, error);
  if (run == NULL)
    return NULL;
  return osl_sched_scene_build (run, osl_sched_run_get_length (run) / 2,
                                osl_sched_scene_export_width (width, height), height);
}
