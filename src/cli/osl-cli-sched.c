/* osl-cli-sched.c: os-lens-cli sched, a scheduling scenario as text
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>

#include "osl-cli-commands.h"
#include "osl-sched-run.h"
#include "osl-sched-scenario.h"

static char
slot_letter (const OslSchedSlot *slot)
{
  switch ((OslSchedMode) slot->mode)
    {
    case OSL_MODE_USER: return 'U';
    case OSL_MODE_KERNEL_SCHEDULER: return 'S';
    case OSL_MODE_KERNEL_TIMER: return 'T';
    case OSL_MODE_KERNEL_SYSCALL: return 'Y';
    case OSL_MODE_IDLE:
    default:
      return '.';
    }
}

/* One line per tick: who runs on each CPU and in which mode, who is on
 * the I/O device, then the sentences of the next instant's events. */
static void
print_trace (OslSchedRun *run)
{
  const OslSchedScenario *scenario = osl_sched_run_get_scenario (run);
  guint length = osl_sched_run_get_length (run);
  guint n_events;
  const OslSchedEvent *events;

  for (guint t = 0; t <= length; t++)
    {
      events = osl_sched_run_get_events (run, t, &n_events);
      for (guint e = 0; e < n_events; e++)
        {
          g_autofree char *sentence = osl_sched_event_describe (scenario, &events[e]);

          g_print ("  %s\n", sentence);
        }
      if (t == length)
        break;
      g_print ("[%4u]", t);
      for (guint c = 0; c <= scenario->n_cpus; c++)
        {
          const OslSchedSlot *slot = &osl_sched_run_get_slots (run, t)[c];
          const char *name = slot->process >= 0
            ? ((OslSchedProcess *) g_ptr_array_index (scenario->processes, slot->process))->name
            : "-";

          if (c < scenario->n_cpus)
            g_print ("  CPU %u: %-8s %c", c, name, slot_letter (slot));
          else
            g_print ("  IO: %s", name);
        }
      g_print ("\n");
    }
}

static void
print_stats (OslSchedRun *run)
{
  const OslSchedScenario *scenario = osl_sched_run_get_scenario (run);
  const OslSchedStats *stats = osl_sched_run_get_stats (run);

  g_print ("\n%-16s %7s %9s %10s %8s %10s %6s %6s %6s\n", _("Process"), _("Arrival"), _("First run"),
           _("Completion"), _("Response"), _("Turnaround"), _("Wait"), _("I/O"), _("CPU"));
  for (guint p = 0; p < stats->n_processes; p++)
    {
      const OslSchedProcStats *s = &stats->procs[p];

      g_print ("%-16s %7u %9d %10d %8d %10d %6u %6u %6u\n",
               ((OslSchedProcess *) g_ptr_array_index (scenario->processes, p))->name,
               s->arrival, s->first_run, s->completion, s->response, s->turnaround, s->wait, s->io, s->cpu);
    }
  g_print ("\n%s %.2f   %s %.2f   %s %.2f\n", _("Average response"), stats->avg_response,
           _("turnaround"), stats->avg_turnaround, _("wait"), stats->avg_wait);
  g_print ("%s %u   %s %u   %s %.2f %s\n", _("Length"), stats->length, _("context switches"),
           stats->switches, _("throughput"), stats->throughput, _("processes per 100 ticks"));
  for (guint c = 0; c < scenario->n_cpus; c++)
    g_print (_("CPU %u: user mode %.1f %%, kernel (context switches) %.1f %%\n"), c,
             100 * stats->utilisation[c], 100 * stats->kernel_share[c]);
}

static JsonNode *
run_to_json (OslSchedRun *run)
{
  const OslSchedScenario *scenario = osl_sched_run_get_scenario (run);
  const OslSchedStats *stats = osl_sched_run_get_stats (run);
  guint length = osl_sched_run_get_length (run);
  g_autoptr(JsonBuilder) builder = json_builder_new ();

  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "length");
  json_builder_add_int_value (builder, length);
  json_builder_set_member_name (builder, "gantt");
  json_builder_begin_array (builder);
  for (guint c = 0; c <= scenario->n_cpus; c++)
    {
      json_builder_begin_array (builder);
      for (guint t = 0; t < length; t++)
        {
          const OslSchedSlot *slot = &osl_sched_run_get_slots (run, t)[c];

          json_builder_begin_object (builder);
          json_builder_set_member_name (builder, "process");
          json_builder_add_int_value (builder, slot->process);
          json_builder_set_member_name (builder, "mode");
          json_builder_add_string_value (builder, (const char *[]) { "idle", "user", "scheduler", "timer", "syscall" }[slot->mode]);
          json_builder_end_object (builder);
        }
      json_builder_end_array (builder);
    }
  json_builder_end_array (builder);
  json_builder_set_member_name (builder, "events");
  json_builder_begin_array (builder);
  for (guint t = 0; t <= length; t++)
    {
      guint n_events;
      const OslSchedEvent *events = osl_sched_run_get_events (run, t, &n_events);

      for (guint e = 0; e < n_events; e++)
        {
          g_autofree char *sentence = osl_sched_event_describe (scenario, &events[e]);

          json_builder_add_string_value (builder, sentence);
        }
    }
  json_builder_end_array (builder);
  json_builder_set_member_name (builder, "processes");
  json_builder_begin_array (builder);
  for (guint p = 0; p < stats->n_processes; p++)
    {
      const OslSchedProcStats *s = &stats->procs[p];

      json_builder_begin_object (builder);
      json_builder_set_member_name (builder, "name");
      json_builder_add_string_value (builder, ((OslSchedProcess *) g_ptr_array_index (scenario->processes, p))->name);
      json_builder_set_member_name (builder, "arrival");
      json_builder_add_int_value (builder, s->arrival);
      json_builder_set_member_name (builder, "first_run");
      json_builder_add_int_value (builder, s->first_run);
      json_builder_set_member_name (builder, "completion");
      json_builder_add_int_value (builder, s->completion);
      json_builder_set_member_name (builder, "response");
      json_builder_add_int_value (builder, s->response);
      json_builder_set_member_name (builder, "turnaround");
      json_builder_add_int_value (builder, s->turnaround);
      json_builder_set_member_name (builder, "wait");
      json_builder_add_int_value (builder, s->wait);
      json_builder_set_member_name (builder, "io");
      json_builder_add_int_value (builder, s->io);
      json_builder_end_object (builder);
    }
  json_builder_end_array (builder);
  json_builder_set_member_name (builder, "average_response");
  json_builder_add_double_value (builder, stats->avg_response);
  json_builder_set_member_name (builder, "average_turnaround");
  json_builder_add_double_value (builder, stats->avg_turnaround);
  json_builder_set_member_name (builder, "average_wait");
  json_builder_add_double_value (builder, stats->avg_wait);
  json_builder_set_member_name (builder, "context_switches");
  json_builder_add_int_value (builder, stats->switches);
  json_builder_set_member_name (builder, "utilisation");
  json_builder_begin_array (builder);
  for (guint c = 0; c < scenario->n_cpus; c++)
    json_builder_add_double_value (builder, stats->utilisation[c]);
  json_builder_end_array (builder);
  json_builder_end_object (builder);
  return json_builder_get_root (builder);
}

int
osl_cli_sched (int    argc,
               char **argv)
{
  g_autofree char *scenario_path = NULL;
  gboolean as_json = FALSE;
  g_autoptr(GOptionContext) context = NULL;
  g_autoptr(GError) error = NULL;
  OslSchedScenario *scenario;
  g_autoptr(OslSchedRun) run = NULL;
  GOptionEntry entries[] = {
    { "scenario", 0, 0, G_OPTION_ARG_FILENAME, &scenario_path, N_("A scheduling scenario file"), N_("FILE") },
    { "json", 0, 0, G_OPTION_ARG_NONE, &as_json, N_("Print the trace and statistics as JSON"), NULL },
    { NULL }
  };

  context = g_option_context_new (NULL);
  g_option_context_set_summary (context, _("Run a scheduling scenario and print its trace and statistics.\n"
                                           "Modes: U user (ring 3), S scheduler, T timer interrupt, Y system call (ring 0)."));
  g_option_context_add_main_entries (context, entries, GETTEXT_PACKAGE);
  if (!g_option_context_parse (context, &argc, &argv, &error))
    return osl_cli_fail (2, "%s", error->message);
  if (scenario_path == NULL)
    return osl_cli_fail (2, _("sched needs --scenario FILE; see “os-lens-cli sched --help”."));
  scenario = osl_sched_scenario_load (scenario_path, &error);
  if (scenario == NULL)
    return osl_cli_fail (1, "%s: %s", scenario_path, error->message);
  run = osl_sched_run_new (scenario, &error);
  if (run == NULL)
    return osl_cli_fail (1, "%s: %s", scenario_path, error->message);
  scenario = (OslSchedScenario *) osl_sched_run_get_scenario (run);
  if (as_json)
    {
      g_autoptr(JsonNode) root = run_to_json (run);
      g_autofree char *text = json_to_string (root, TRUE);

      g_print ("%s\n", text);
      return 0;
    }
  g_print ("%s — %s\n\n", scenario->title != NULL ? scenario->title : scenario_path,
           osl_sched_policy_title (scenario->policy));
  print_trace (run);
  print_stats (run);
  return 0;
}
