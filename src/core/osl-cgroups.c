/* osl-cgroups.c: cgroup v2 limits as a tick simulation
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>
#include <inttypes.h>

#include "osl-cgroups.h"

G_DEFINE_QUARK (osl-cgroup-error-quark, osl_cgroup_error)

#define MIN_QUOTA_US 1000      /* sched-bwc.rst: quota and period ≥ 1 ms */
#define MAX_PERIOD_US 1000000  /* period ≤ 1 s */

static void
group_clear (gpointer data)
{
  OslCgroup *group = data;

  g_free (group->name);
}

OslCgroupSim *
osl_cgroup_sim_new (guint n_cpus)
{
  OslCgroupSim *sim = g_new0 (OslCgroupSim, 1);

  sim->n_cpus = MAX (n_cpus, 1);
  sim->groups = g_array_new (FALSE, TRUE, sizeof (OslCgroup));
  g_array_set_clear_func (sim->groups, group_clear);
  sim->events = g_array_new (FALSE, TRUE, sizeof (OslCgroupEvent));
  return sim;
}

void
osl_cgroup_sim_free (OslCgroupSim *sim)
{
  if (sim == NULL)
    return;
  g_array_unref (sim->groups);
  g_array_unref (sim->events);
  g_free (sim);
}

/* A new group has every file at its default: no limits, weight 100. */
OslCgroup *
osl_cgroup_sim_add_group (OslCgroupSim *sim,
                          const char   *name)
{
  OslCgroup group = {
    .name = g_strdup (name),
    .cpu_max_quota_us = OSL_CGROUP_MAX,
    .cpu_max_period_us = OSL_CGROUP_DEFAULT_PERIOD_US,
    .cpu_weight = OSL_CGROUP_DEFAULT_WEIGHT,
    .memory_max = OSL_CGROUP_MAX,
    .pids_max = OSL_CGROUP_MAX,
    .pids_current = 1,
    .exit_code = -1,
  };

  g_array_append_val (sim->groups, group);
  return &g_array_index (sim->groups, OslCgroup, sim->groups->len - 1);
}

OslCgroup *
osl_cgroup_sim_get_group (OslCgroupSim *sim,
                          guint         index)
{
  g_return_val_if_fail (index < sim->groups->len, NULL);
  return &g_array_index (sim->groups, OslCgroup, index);
}

gint64
osl_cgroup_memory_current (const OslCgroup *group)
{
  return group->memory_anon + group->memory_cache;
}

static void
add_event (OslCgroupSim       *sim,
           guint               group,
           OslCgroupEventKind  kind,
           gint64              value)
{
  OslCgroupEvent event = { sim->tick, group, kind, value };

  g_array_append_val (sim->events, event);
}

static gboolean
is_alive (const OslCgroup *group)
{
  return group->exit_code < 0;
}

/* How much CPU time a group could use this tick: its busy threads, capped
 * by what is left of its quota in this period. */
static double
cpu_demand (const OslCgroup *group)
{
  double demand;

  if (!is_alive (group) || group->throttled)
    return 0;
  demand = (double) group->busy_threads * OSL_CGROUP_TICK_US;
  if (group->cpu_max_quota_us != OSL_CGROUP_MAX)
    demand = MIN (demand, (double) (group->cpu_max_quota_us - group->period_used_us));
  return MAX (demand, 0);
}

/* cpu.weight: water-filling. Capacity is split in proportion to weight
 * among groups that still want more; a group that needs less than its
 * share gives the rest back (work-conserving). */
static void
share_cpu (OslCgroupSim *sim,
           double       *granted)
{
  guint n = sim->groups->len;
  g_autofree double *demand = g_new0 (double, n);
  double capacity = (double) sim->n_cpus * OSL_CGROUP_TICK_US;
  gboolean changed = TRUE;

  for (guint i = 0; i < n; i++)
    {
      demand[i] = cpu_demand (osl_cgroup_sim_get_group (sim, i));
      granted[i] = 0;
    }
  while (changed && capacity > 1e-9)
    {
      double total_weight = 0;

      changed = FALSE;
      for (guint i = 0; i < n; i++)
        if (demand[i] - granted[i] > 1e-9)
          total_weight += osl_cgroup_sim_get_group (sim, i)->cpu_weight;
      if (total_weight == 0)
        break;
      for (guint i = 0; i < n; i++)
        {
          double want = demand[i] - granted[i];
          double share;

          if (want <= 1e-9)
            continue;
          share = capacity * osl_cgroup_sim_get_group (sim, i)->cpu_weight / total_weight;
          if (want <= share)
            {
              granted[i] += want;
              capacity -= want;
              changed = TRUE;
            }
        }
      if (!changed)
        {
          /* Everyone left wants more than their share: give the shares. */
          for (guint i = 0; i < n; i++)
            if (demand[i] - granted[i] > 1e-9)
              granted[i] += capacity * osl_cgroup_sim_get_group (sim, i)->cpu_weight / total_weight;
          capacity = 0;
        }
    }
}

static void
step_cpu (OslCgroupSim *sim,
          guint         index,
          double        granted)
{
  OslCgroup *group = osl_cgroup_sim_get_group (sim, index);

  if (group->throttled)
    group->throttled_usec += OSL_CGROUP_TICK_US;
  group->usage_usec += (gint64) llround (granted);
  group->period_used_us += (gint64) llround (granted);
  group->last_cpus = granted / OSL_CGROUP_TICK_US;
  if (group->cpu_max_quota_us != OSL_CGROUP_MAX && is_alive (group) && !group->throttled &&
      group->period_used_us >= group->cpu_max_quota_us)
    {
      group->throttled = TRUE;
      group->nr_throttled++;
      add_event (sim, index, OSL_CGROUP_EVENT_THROTTLED, group->period_used_us);
    }
}

static void
kill_group (OslCgroup *group)
{
  group->oom_killed = TRUE;
  group->exit_code = 137;   /* 128 + SIGKILL */
  group->memory_anon = 0;
  group->memory_cache = 0;
  group->pids_current = 0;
  group->busy_threads = 0;
  group->last_cpus = 0;
}

/* memory.max: over the limit, reclaim page cache first; only when what
 * is left cannot be reclaimed does the OOM killer act, inside the group. */
static void
step_memory (OslCgroupSim *sim,
             guint         index)
{
  OslCgroup *group = osl_cgroup_sim_get_group (sim, index);
  gint64 over;

  if (!is_alive (group))
    return;
  group->memory_anon += group->anon_per_tick;
  group->memory_cache += group->cache_per_tick;
  if (group->memory_max == OSL_CGROUP_MAX)
    return;
  over = osl_cgroup_memory_current (group) - group->memory_max;
  if (over <= 0)
    return;
  group->memory_events_max++;
  if (group->memory_cache > 0)
    {
      gint64 reclaimed = MIN (over, group->memory_cache);

      group->memory_cache -= reclaimed;
      over -= reclaimed;
      add_event (sim, index, OSL_CGROUP_EVENT_RECLAIM, reclaimed);
    }
  if (over > 0)
    {
      group->memory_events_oom++;
      group->memory_events_oom_kill++;
      kill_group (group);
      add_event (sim, index, OSL_CGROUP_EVENT_OOM_KILL, 137);
    }
}

/* pids.max: only new forks are refused; a lower limit does not kill. */
static void
step_pids (OslCgroupSim *sim,
           guint         index)
{
  OslCgroup *group = osl_cgroup_sim_get_group (sim, index);

  for (guint f = 0; is_alive (group) && f < group->forks_per_tick; f++)
    {
      if (group->pids_max != OSL_CGROUP_MAX && group->pids_current + 1 > group->pids_max)
        {
          group->pids_events_max++;
          add_event (sim, index, OSL_CGROUP_EVENT_FORK_FAILED, group->pids_current);
          break;
        }
      group->pids_current++;
    }
}

/**
 * osl_cgroup_sim_step:
 *
 * Advances by one tick (OSL_CGROUP_TICK_US of wall time).
 */
void
osl_cgroup_sim_step (OslCgroupSim *sim)
{
  g_autofree double *granted = g_new0 (double, sim->groups->len);

  /* A new period refills every quota and lifts throttling. */
  for (guint i = 0; i < sim->groups->len; i++)
    {
      OslCgroup *group = osl_cgroup_sim_get_group (sim, i);
      gint64 elapsed = (gint64) sim->tick * OSL_CGROUP_TICK_US;

      if (elapsed % group->cpu_max_period_us < OSL_CGROUP_TICK_US)
        {
          group->period_used_us = 0;
          group->throttled = FALSE;
          if (group->cpu_max_quota_us != OSL_CGROUP_MAX && is_alive (group))
            group->nr_periods++;
        }
    }
  share_cpu (sim, granted);
  for (guint i = 0; i < sim->groups->len; i++)
    {
      step_cpu (sim, i, granted[i]);
      step_memory (sim, i);
      step_pids (sim, i);
    }
  sim->tick++;
}

char *
osl_cgroup_format_limit (gint64 value)
{
  if (value == OSL_CGROUP_MAX)
    return g_strdup ("max");
  return g_strdup_printf ("%" PRId64, value);
}

char *
osl_cgroup_format_cpu_max (const OslCgroup *group)
{
  g_autofree char *quota = osl_cgroup_format_limit (group->cpu_max_quota_us);

  return g_strdup_printf ("%s %" PRId64, quota, group->cpu_max_period_us);
}

static gboolean
parse_int64 (const char *text,
             gint64     *out)
{
  char *end = NULL;
  gint64 value;

  if (text == NULL || *text == '\0')
    return FALSE;
  value = g_ascii_strtoll (text, &end, 10);
  if (*end != '\0' || (text[0] == '-' && text[1] == '\0'))
    return FALSE;
  *out = value;
  return TRUE;
}

/**
 * osl_cgroup_parse_cpu_max:
 *
 * Reads what a person writes into cpu.max: "$MAX $PERIOD", or "$MAX"
 * alone (then the period is the default).
 */
gboolean
osl_cgroup_parse_cpu_max (const char  *text,
                          gint64      *quota_us,
                          gint64      *period_us,
                          GError     **error)
{
  g_autofree char *copy = g_strstrip (g_strdup (text != NULL ? text : ""));
  g_auto(GStrv) words = g_strsplit_set (copy, " \t", -1);
  gint64 quota = OSL_CGROUP_MAX, period = OSL_CGROUP_DEFAULT_PERIOD_US;
  guint n = g_strv_length (words);

  if (n == 0 || n > 2 || words[0][0] == '\0')
    {
      g_set_error (error, OSL_CGROUP_ERROR, OSL_CGROUP_ERROR_INVALID,
                   _("cpu.max takes “QUOTA PERIOD” in microseconds, such as “50000 100000”, or “max”; “%s” is neither."),
                   text != NULL ? text : "");
      return FALSE;
    }
  if (!g_str_equal (words[0], "max") && !parse_int64 (words[0], &quota))
    {
      g_set_error (error, OSL_CGROUP_ERROR, OSL_CGROUP_ERROR_INVALID,
                   _("The cpu.max quota “%s” is neither a number of microseconds nor “max”."), words[0]);
      return FALSE;
    }
  if (n == 2 && !parse_int64 (words[1], &period))
    {
      g_set_error (error, OSL_CGROUP_ERROR, OSL_CGROUP_ERROR_INVALID,
                   _("The cpu.max period “%s” is not a number of microseconds."), words[1]);
      return FALSE;
    }
  if (quota != OSL_CGROUP_MAX && quota < MIN_QUOTA_US)
    {
      g_set_error (error, OSL_CGROUP_ERROR, OSL_CGROUP_ERROR_RANGE,
                   _("The cpu.max quota %" PRId64 " µs is below the kernel's minimum of 1000 µs (1 ms)."), quota);
      return FALSE;
    }
  if (period < MIN_QUOTA_US || period > MAX_PERIOD_US)
    {
      g_set_error (error, OSL_CGROUP_ERROR, OSL_CGROUP_ERROR_RANGE,
                   _("The cpu.max period %" PRId64 " µs must lie between 1000 µs (1 ms) and 1000000 µs (1 s)."), period);
      return FALSE;
    }
  *quota_us = quota;
  *period_us = period;
  return TRUE;
}

gboolean
osl_cgroup_parse_weight (const char  *text,
                         guint       *weight,
                         GError     **error)
{
  gint64 value = 0;

  if (!parse_int64 (text, &value) || value < 1 || value > 10000)
    {
      g_set_error (error, OSL_CGROUP_ERROR, OSL_CGROUP_ERROR_RANGE,
                   _("cpu.weight must be a whole number from 1 to 10000 (default 100); “%s” is not."),
                   text != NULL ? text : "");
      return FALSE;
    }
  *weight = (guint) value;
  return TRUE;
}

/* --cpus=N → cpu.max "N·100000 100000". Docker parses N as an exact
 * rational and keeps it in nano-CPUs; the period is fixed at 100 ms. */
gboolean
osl_docker_cpus_to_cpu_max (const char  *cpus,
                            guint        host_cpus,
                            gint64      *quota_us,
                            gint64      *period_us,
                            GError     **error)
{
  char *end = NULL;
  double value;
  gint64 nano;

  value = cpus != NULL ? g_ascii_strtod (cpus, &end) : 0;
  if (cpus == NULL || *cpus == '\0' || *end != '\0' || !isfinite (value) || value < 0)
    {
      g_set_error (error, OSL_CGROUP_ERROR, OSL_CGROUP_ERROR_INVALID,
                   "failed to parse %s as a rational number", cpus != NULL ? cpus : "");
      return FALSE;
    }
  nano = (gint64) llround (value * 1e9);
  if (fabs (value * 1e9 - nano) > 1e-3)
    {
      g_set_error_literal (error, OSL_CGROUP_ERROR, OSL_CGROUP_ERROR_INVALID, "value is too precise");
      return FALSE;
    }
  if (nano != 0 && (nano < 10000000 || nano > (gint64) host_cpus * 1000000000))
    {
      g_set_error (error, OSL_CGROUP_ERROR, OSL_CGROUP_ERROR_RANGE,
                   "Range of CPUs is from 0.01 to %u.00, as there are only %u CPUs available",
                   host_cpus, host_cpus);
      return FALSE;
    }
  *period_us = OSL_CGROUP_DEFAULT_PERIOD_US;
  *quota_us = nano == 0 ? OSL_CGROUP_MAX : nano * OSL_CGROUP_DEFAULT_PERIOD_US / 1000000000;
  return TRUE;
}

/**
 * osl_docker_shares_to_weight:
 *
 * --cpu-shares (cgroup v1 style, default 1024) → cpu.weight, with the
 * curve current runc and containerd use: l = log2(shares), weight =
 * ⌈10^((l² + 125·l)/612 − 7/34)⌉, which maps 2 → 1, 1024 → 100 and
 * 262144 → 10000. (The older linear formula maps 1024 → 39.)
 * 0 means "unset" and gives the default weight.
 */
guint
osl_docker_shares_to_weight (guint64 shares)
{
  double l, exponent;

  if (shares == 0)
    return OSL_CGROUP_DEFAULT_WEIGHT;
  if (shares <= 2)
    return 1;
  if (shares >= 262144)
    return 10000;
  l = log2 ((double) shares);
  exponent = (l * l + 125 * l) / 612.0 - 7.0 / 34.0;
  return (guint) ceil (pow (10, exponent));
}

/* -m / --memory: a number with an optional binary unit (b, k, m, g, t, p;
 * "mb", "MiB" and "m" all mean 1024²), as go-units' RAMInBytes reads it. */
gboolean
osl_docker_parse_memory (const char  *text,
                         gint64      *bytes,
                         GError     **error)
{
  static const char units[] = "bkmgtp";
  const char *p = text;
  char *end = NULL;
  double value;
  gint64 multiplier = 1;

  if (text == NULL || !g_ascii_isdigit (*p))
    goto invalid;
  value = g_ascii_strtod (p, &end);
  p = end;
  if (*p == ' ')
    p++;
  if (*p != '\0')
    {
      const char *unit = strchr (units, g_ascii_tolower (*p));

      if (unit == NULL)
        goto invalid;
      for (const char *u = units; u < unit; u++)
        multiplier *= 1024;
      p++;
      if (g_ascii_tolower (*p) == 'i')
        p++;
      if (g_ascii_tolower (*p) == 'b' && unit != units)
        p++;
      if (*p != '\0')
        goto invalid;
    }
  *bytes = (gint64) (value * multiplier);
  if (*bytes != 0 && *bytes < OSL_DOCKER_MIN_MEMORY)
    {
      g_set_error_literal (error, OSL_CGROUP_ERROR, OSL_CGROUP_ERROR_RANGE,
                           "Minimum memory limit allowed is 6MB");
      return FALSE;
    }
  if (*bytes == 0)
    *bytes = OSL_CGROUP_MAX;
  return TRUE;

invalid:
  g_set_error (error, OSL_CGROUP_ERROR, OSL_CGROUP_ERROR_INVALID, "invalid size: '%s'",
               text != NULL ? text : "");
  return FALSE;
}

/* --pids-limit: 0 or −1 mean unlimited. */
gboolean
osl_docker_parse_pids_limit (const char  *text,
                             gint64      *pids_max,
                             GError     **error)
{
  gint64 value = 0;

  if (!parse_int64 (text, &value))
    {
      g_set_error (error, OSL_CGROUP_ERROR, OSL_CGROUP_ERROR_INVALID,
                   "strconv.ParseInt: parsing \"%s\": invalid syntax", text != NULL ? text : "");
      return FALSE;
    }
  *pids_max = value <= 0 ? OSL_CGROUP_MAX : value;
  return TRUE;
}
