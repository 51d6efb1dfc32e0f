/* osl-cgroups.h: cgroup v2 limits as a tick simulation
 *
 * Sibling groups share the host's CPUs: cpu.weight splits them under
 * contention (work-conserving), cpu.max throttles a group that used its
 * quota until the period ends, memory.max first reclaims page cache and
 * then OOM-kills inside the group (exit code 137), pids.max makes a fork
 * fail with EAGAIN. Docker's flags map onto these files as moby does.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

#define OSL_CGROUP_ERROR (osl_cgroup_error_quark ())

typedef enum
{
  OSL_CGROUP_ERROR_INVALID,
  OSL_CGROUP_ERROR_RANGE,
} OslCgroupError;

#define OSL_CGROUP_MAX (-1)                 /* the file says "max" */
#define OSL_CGROUP_DEFAULT_PERIOD_US 100000 /* cpu.max "max 100000" */
#define OSL_CGROUP_DEFAULT_WEIGHT 100
#define OSL_CGROUP_TICK_US 10000            /* one simulation tick: 10 ms */
#define OSL_DOCKER_MIN_MEMORY (6 * 1024 * 1024)

typedef enum
{
  OSL_CGROUP_EVENT_THROTTLED,   /* cpu.max quota used up in this period */
  OSL_CGROUP_EVENT_RECLAIM,     /* memory.max reached, page cache reclaimed */
  OSL_CGROUP_EVENT_OOM_KILL,    /* reclaim was not enough: killed, exit 137 */
  OSL_CGROUP_EVENT_FORK_FAILED, /* pids.max reached: fork() → EAGAIN */
} OslCgroupEventKind;

typedef struct
{
  guint64             tick;
  guint               group;
  OslCgroupEventKind  kind;
  gint64              value;   /* RECLAIM: bytes; FORK_FAILED: pids.current */
} OslCgroupEvent;

typedef struct
{
  char    *name;

  /* The interface files. OSL_CGROUP_MAX means "max". */
  gint64   cpu_max_quota_us;
  gint64   cpu_max_period_us;
  guint    cpu_weight;
  gint64   memory_max;
  gint64   pids_max;

  /* The workload inside the group. */
  guint    busy_threads;
  gint64   anon_per_tick;     /* bytes that cannot be reclaimed (no swap) */
  gint64   cache_per_tick;    /* page cache: reclaimable */
  guint    forks_per_tick;

  /* What the kernel tracks. */
  gint64   memory_anon;
  gint64   memory_cache;
  gint64   pids_current;
  gint64   period_used_us;
  gboolean throttled;
  gint64   usage_usec;
  double   last_cpus;         /* CPUs' worth used in the last tick */
  guint64  nr_periods;
  guint64  nr_throttled;
  gint64   throttled_usec;
  guint64  memory_events_max;
  guint64  memory_events_oom;
  guint64  memory_events_oom_kill;
  guint64  pids_events_max;
  gboolean oom_killed;
  int      exit_code;         /* −1 while alive */
} OslCgroup;

typedef struct
{
  guint    n_cpus;
  guint64  tick;
  GArray  *groups;   /* OslCgroup */
  GArray  *events;   /* OslCgroupEvent, of every tick so far */
} OslCgroupSim;

GQuark        osl_cgroup_error_quark         (void);

OslCgroupSim *osl_cgroup_sim_new             (guint          n_cpus);
void          osl_cgroup_sim_free            (OslCgroupSim  *sim);
OslCgroup    *osl_cgroup_sim_add_group       (OslCgroupSim  *sim,
                                              const char    *name);
OslCgroup    *osl_cgroup_sim_get_group       (OslCgroupSim  *sim,
                                              guint          index);
void          osl_cgroup_sim_step            (OslCgroupSim  *sim);
gint64        osl_cgroup_memory_current      (const OslCgroup *group);

char         *osl_cgroup_format_cpu_max      (const OslCgroup *group);
char         *osl_cgroup_format_limit        (gint64         value);
gboolean      osl_cgroup_parse_cpu_max       (const char    *text,
                                              gint64        *quota_us,
                                              gint64        *period_us,
                                              GError       **error);
gboolean      osl_cgroup_parse_weight        (const char    *text,
                                              guint         *weight,
                                              GError       **error);

gboolean      osl_docker_cpus_to_cpu_max     (const char    *cpus,
                                              guint          host_cpus,
                                              gint64        *quota_us,
                                              gint64        *period_us,
                                              GError       **error);
guint         osl_docker_shares_to_weight    (guint64        shares);
gboolean      osl_docker_parse_memory        (const char    *text,
                                              gint64        *bytes,
                                              GError       **error);
gboolean      osl_docker_parse_pids_limit    (const char    *text,
                                              gint64        *pids_max,
                                              GError       **error);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (OslCgroupSim, osl_cgroup_sim_free)

G_END_DECLS
