/* test-cgroups.c: cgroup v2 limits (cgroup-v2.rst, sched-bwc.rst) and
 * Docker's flags mapped onto them (moby daemon_unix.go, runc's curve)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "osl-cgroups.h"

#define TICKS_PER_PERIOD (OSL_CGROUP_DEFAULT_PERIOD_US / OSL_CGROUP_TICK_US)

static guint
count_events (OslCgroupSim       *sim,
              OslCgroupEventKind  kind)
{
  guint n = 0;

  for (guint i = 0; i < sim->events->len; i++)
    n += g_array_index (sim->events, OslCgroupEvent, i).kind == kind;
  return n;
}

/* cpu.max "50000 100000", one busy thread: 50 ms on, 50 ms throttled. */
static void
test_cpu_max_half_cpu (void)
{
  g_autoptr(OslCgroupSim) sim = osl_cgroup_sim_new (2);
  OslCgroup *group = osl_cgroup_sim_add_group (sim, "web");
  g_autofree char *text = NULL;

  group->cpu_max_quota_us = 50000;
  group->busy_threads = 1;
  for (guint t = 0; t < 3 * TICKS_PER_PERIOD; t++)
    {
      osl_cgroup_sim_step (sim);
      group = osl_cgroup_sim_get_group (sim, 0);
      g_assert_cmpint (group->throttled, ==, (t % TICKS_PER_PERIOD) >= 4);
    }
  g_assert_cmpint (group->usage_usec, ==, 3 * 50000);
  g_assert_cmpuint (group->nr_periods, ==, 3);
  g_assert_cmpuint (group->nr_throttled, ==, 3);
  g_assert_cmpint (group->throttled_usec, ==, 3 * 50000);
  text = osl_cgroup_format_cpu_max (group);
  g_assert_cmpstr (text, ==, "50000 100000");
}

/* Two busy threads on two CPUs against half a CPU: throttled after 25 ms. */
static void
test_cpu_max_two_threads (void)
{
  g_autoptr(OslCgroupSim) sim = osl_cgroup_sim_new (2);
  OslCgroup *group = osl_cgroup_sim_add_group (sim, "batch");

  group->cpu_max_quota_us = 50000;
  group->busy_threads = 2;
  osl_cgroup_sim_step (sim);
  osl_cgroup_sim_step (sim);
  group = osl_cgroup_sim_get_group (sim, 0);
  g_assert_false (group->throttled);
  g_assert_cmpint (group->period_used_us, ==, 40000);
  osl_cgroup_sim_step (sim);
  group = osl_cgroup_sim_get_group (sim, 0);
  g_assert_true (group->throttled);
  g_assert_cmpint (group->period_used_us, ==, 50000);
}

/* cpu.weight 100 vs 300 on one CPU: 25 % and 75 %; alone: 100 %. */
static void
test_cpu_weight (void)
{
  g_autoptr(OslCgroupSim) sim = osl_cgroup_sim_new (1);
  OslCgroup *a = osl_cgroup_sim_add_group (sim, "A");
  OslCgroup *b;

  a->busy_threads = 1;
  b = osl_cgroup_sim_add_group (sim, "B");
  b->cpu_weight = 300;
  b->busy_threads = 1;
  osl_cgroup_sim_step (sim);
  g_assert_cmpfloat_with_epsilon (osl_cgroup_sim_get_group (sim, 0)->last_cpus, 0.25, 1e-9);
  g_assert_cmpfloat_with_epsilon (osl_cgroup_sim_get_group (sim, 1)->last_cpus, 0.75, 1e-9);
  osl_cgroup_sim_get_group (sim, 1)->busy_threads = 0;   /* work-conserving */
  osl_cgroup_sim_step (sim);
  g_assert_cmpfloat_with_epsilon (osl_cgroup_sim_get_group (sim, 0)->last_cpus, 1.0, 1e-9);
}

/* memory.max: page cache is reclaimed first; then the OOM killer. */
static void
test_memory_reclaim_then_oom (void)
{
  g_autoptr(OslCgroupSim) sim = osl_cgroup_sim_new (1);
  OslCgroup *group = osl_cgroup_sim_add_group (sim, "db");
  guint ticks = 0;

  group->memory_max = 100;
  group->anon_per_tick = 10;
  group->cache_per_tick = 20;
  while (osl_cgroup_sim_get_group (sim, 0)->exit_code < 0 && ticks < 100)
    {
      osl_cgroup_sim_step (sim);
      ticks++;
      g_assert_cmpint (osl_cgroup_memory_current (osl_cgroup_sim_get_group (sim, 0)), <=, 100);
    }
  group = osl_cgroup_sim_get_group (sim, 0);
  g_assert_cmpuint (ticks, ==, 11);   /* anon alone passes 100 bytes at tick 11 */
  g_assert_true (group->oom_killed);
  g_assert_cmpint (group->exit_code, ==, 137);
  g_assert_cmpuint (group->memory_events_oom_kill, ==, 1);
  g_assert_cmpuint (count_events (sim, OSL_CGROUP_EVENT_RECLAIM), >, 0);
  g_assert_cmpuint (count_events (sim, OSL_CGROUP_EVENT_OOM_KILL), ==, 1);
  g_assert_cmpuint (g_array_index (sim->events, OslCgroupEvent, 0).kind, ==, OSL_CGROUP_EVENT_RECLAIM);
}

/* pids.max: the fork that would exceed it fails with EAGAIN. */
static void
test_pids_max (void)
{
  g_autoptr(OslCgroupSim) sim = osl_cgroup_sim_new (1);
  OslCgroup *group = osl_cgroup_sim_add_group (sim, "bomb");

  group->pids_max = 10;
  group->forks_per_tick = 4;
  for (guint t = 0; t < 5; t++)
    osl_cgroup_sim_step (sim);
  group = osl_cgroup_sim_get_group (sim, 0);
  g_assert_cmpint (group->pids_current, ==, 10);
  g_assert_cmpuint (group->pids_events_max, ==, 3);
  g_assert_cmpint (group->exit_code, ==, -1);   /* nothing is killed */
}

static void
test_docker_mapping (void)
{
  g_autoptr(GError) error = NULL;
  gint64 quota = 0, period = 0, bytes = 0, pids = 0;

  g_assert_true (osl_docker_cpus_to_cpu_max ("1.5", 2, &quota, &period, NULL));
  g_assert_cmpint (quota, ==, 150000);
  g_assert_cmpint (period, ==, 100000);
  g_assert_true (osl_docker_cpus_to_cpu_max ("0.5", 2, &quota, &period, NULL));
  g_assert_cmpint (quota, ==, 50000);
  g_assert_false (osl_docker_cpus_to_cpu_max ("0.001", 2, &quota, &period, &error));
  g_assert_cmpstr (error->message, ==, "Range of CPUs is from 0.01 to 2.00, as there are only 2 CPUs available");
  g_clear_error (&error);

  g_assert_cmpuint (osl_docker_shares_to_weight (1024), ==, 100);
  g_assert_cmpuint (osl_docker_shares_to_weight (2), ==, 1);
  g_assert_cmpuint (osl_docker_shares_to_weight (262144), ==, 10000);
  g_assert_cmpuint (osl_docker_shares_to_weight (512), ==, 59);
  g_assert_cmpuint (osl_docker_shares_to_weight (2048), ==, 174);

  g_assert_true (osl_docker_parse_memory ("512m", &bytes, NULL));
  g_assert_cmpint (bytes, ==, 536870912);
  g_assert_true (osl_docker_parse_memory ("1g", &bytes, NULL));
  g_assert_cmpint (bytes, ==, 1073741824);
  g_assert_true (osl_docker_parse_memory ("100MiB", &bytes, NULL));
  g_assert_cmpint (bytes, ==, 104857600);
  g_assert_false (osl_docker_parse_memory ("4m", &bytes, &error));
  g_assert_cmpstr (error->message, ==, "Minimum memory limit allowed is 6MB");
  g_clear_error (&error);
  g_assert_false (osl_docker_parse_memory ("lots", &bytes, &error));
  g_assert_cmpstr (error->message, ==, "invalid size: 'lots'");
  g_clear_error (&error);

  g_assert_true (osl_docker_parse_pids_limit ("100", &pids, NULL));
  g_assert_cmpint (pids, ==, 100);
  g_assert_true (osl_docker_parse_pids_limit ("-1", &pids, NULL));
  g_assert_cmpint (pids, ==, OSL_CGROUP_MAX);
}

static void
test_cpu_max_validation (void)
{
  g_autoptr(GError) error = NULL;
  gint64 quota = 0, period = 0;
  guint weight = 0;

  g_assert_true (osl_cgroup_parse_cpu_max ("max 100000", &quota, &period, NULL));
  g_assert_cmpint (quota, ==, OSL_CGROUP_MAX);
  g_assert_true (osl_cgroup_parse_cpu_max ("20000", &quota, &period, NULL));
  g_assert_cmpint (quota, ==, 20000);
  g_assert_cmpint (period, ==, 100000);
  g_assert_false (osl_cgroup_parse_cpu_max ("500 100000", &quota, &period, &error));
  g_assert_cmpstr (error->message, ==, "The cpu.max quota 500 µs is below the kernel's minimum of 1000 µs (1 ms).");
  g_clear_error (&error);
  g_assert_false (osl_cgroup_parse_cpu_max ("50000 2000000", &quota, &period, &error));
  g_assert_error (error, OSL_CGROUP_ERROR, OSL_CGROUP_ERROR_RANGE);
  g_clear_error (&error);
  g_assert_false (osl_cgroup_parse_cpu_max ("half", &quota, &period, &error));
  g_assert_error (error, OSL_CGROUP_ERROR, OSL_CGROUP_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_false (osl_cgroup_parse_weight ("0", &weight, &error));
  g_assert_true (osl_cgroup_parse_weight ("300", &weight, NULL));
  g_assert_cmpuint (weight, ==, 300);
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/cgroups/cpu-max-half-cpu", test_cpu_max_half_cpu);
  g_test_add_func ("/cgroups/cpu-max-two-threads", test_cpu_max_two_threads);
  g_test_add_func ("/cgroups/cpu-weight", test_cpu_weight);
  g_test_add_func ("/cgroups/memory-reclaim-then-oom", test_memory_reclaim_then_oom);
  g_test_add_func ("/cgroups/pids-max", test_pids_max);
  g_test_add_func ("/cgroups/docker-mapping", test_docker_mapping);
  g_test_add_func ("/cgroups/cpu-max-validation", test_cpu_max_validation);
  return g_test_run ();
}
