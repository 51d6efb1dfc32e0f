/* osl-sched-scenario.c: scheduling scenarios as small JSON files
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>

#include "osl-json-file.h"
#include "osl-sched-scenario.h"

static gboolean
read_uint (JsonObject  *object,
           const char  *member,
           guint        min,
           guint        max,
           guint        fallback,
           guint       *out,
           GError     **error)
{
  gint64 value;

  if (!osl_json_object_get_int_member_checked (object, member, min, max, fallback, &value, error))
    return FALSE;
  *out = value;
  return TRUE;
}

static gboolean
read_level_list (JsonObject  *mlfq,
                 const char  *member,
                 guint        n_levels,
                 guint       *values,
                 GError     **error)
{
  g_autoptr(GError) local_error = NULL;
  JsonArray *array = osl_json_object_get_array_member_checked (mlfq, member, OSL_SCHED_MAX_LEVELS,
                                                               &local_error);

  if (local_error != NULL)
    {
      g_propagate_error (error, g_steal_pointer (&local_error));
      return FALSE;
    }
  if (array == NULL)
    return TRUE;
  if (json_array_get_length (array) != n_levels)
    {
      g_set_error (error, OSL_JSON_FILE_ERROR, OSL_JSON_FILE_ERROR_FIELD,
                   _("The list \"%s\" has %u items, but there are %u MLFQ levels."),
                   member, json_array_get_length (array), n_levels);
      return FALSE;
    }
  for (guint i = 0; i < n_levels; i++)
    {
      JsonNode *node = json_array_get_element (array, i);
      gint64 value;

      if (!JSON_NODE_HOLDS_VALUE (node) || json_node_get_value_type (node) != G_TYPE_INT64 ||
          (value = json_node_get_int (node)) < 1 || value > OSL_SCHED_MAX_QUANTUM)
        {
          g_set_error (error, OSL_JSON_FILE_ERROR, OSL_JSON_FILE_ERROR_FIELD,
                       _("Item %u of \"%s\" must be a whole number from 1 to %d."),
                       i + 1, member, OSL_SCHED_MAX_QUANTUM);
          return FALSE;
        }
      /* Highest priority first, like mlfq.py's -Q: level n − 1 − i. */
      values[n_levels - 1 - i] = value;
    }
  return TRUE;
}

static gboolean
read_mlfq (JsonObject        *object,
           OslSchedScenario  *scenario,
           GError           **error)
{
  JsonNode *node = json_object_get_member (object, "mlfq");
  JsonObject *mlfq;
  JsonArray *quanta;

  if (node == NULL)
    return TRUE;
  if (!JSON_NODE_HOLDS_OBJECT (node))
    {
      g_set_error (error, OSL_JSON_FILE_ERROR, OSL_JSON_FILE_ERROR_FIELD,
                   _("The field \"mlfq\" must be an object { … }."));
      return FALSE;
    }
  mlfq = json_node_get_object (node);
  quanta = osl_json_object_get_array_member_checked (mlfq, "quanta", OSL_SCHED_MAX_LEVELS, error);
  if (quanta == NULL && json_object_has_member (mlfq, "quanta"))
    return FALSE;
  if (quanta != NULL && json_array_get_length (quanta) == 0)
    {
      g_set_error (error, OSL_JSON_FILE_ERROR, OSL_JSON_FILE_ERROR_FIELD,
                   _("The list \"quanta\" is empty; MLFQ needs at least one level."));
      return FALSE;
    }
  if (quanta != NULL)
    scenario->n_levels = json_array_get_length (quanta);
  return read_level_list (mlfq, "quanta", scenario->n_levels, scenario->level_quantum, error) &&
         read_level_list (mlfq, "allotments", scenario->n_levels, scenario->level_allotment, error) &&
         read_uint (mlfq, "boost", 0, OSL_SCHED_MAX_PERIOD, 0, &scenario->boost_period, error) &&
         osl_json_object_get_bool_member_checked (mlfq, "io_keeps_priority", FALSE,
                                                  &scenario->io_keeps_priority, error) &&
         osl_json_object_get_bool_member_checked (mlfq, "io_to_front", FALSE,
                                                  &scenario->io_to_front, error);
}

static gboolean
read_priority (JsonObject        *object,
               OslSchedScenario  *scenario,
               GError           **error)
{
  JsonNode *node = json_object_get_member (object, "priority");
  JsonObject *priority;

  if (node == NULL)
    return TRUE;
  if (!JSON_NODE_HOLDS_OBJECT (node))
    {
      g_set_error (error, OSL_JSON_FILE_ERROR, OSL_JSON_FILE_ERROR_FIELD,
                   _("The field \"priority\" must be an object { … }."));
      return FALSE;
    }
  priority = json_node_get_object (node);
  return osl_json_object_get_bool_member_checked (priority, "preemptive", FALSE,
                                                  &scenario->preemptive, error) &&
         read_uint (priority, "aging", 0, OSL_SCHED_MAX_PERIOD, 0, &scenario->aging_period, error);
}

static OslSchedProcess *
read_process (JsonNode  *node,
              guint      number,
              GError   **error)
{
  g_autoptr(OslSchedProcess) process = g_new0 (OslSchedProcess, 1);
  g_autofree char *default_name = g_strdup_printf ("P%u", number);
  JsonObject *object;
  const char *name, *bursts;

  if (!JSON_NODE_HOLDS_OBJECT (node))
    {
      g_set_error (error, OSL_JSON_FILE_ERROR, OSL_JSON_FILE_ERROR_FIELD,
                   _("Process %u must be an object { \"name\": …, \"bursts\": … }."), number);
      return NULL;
    }
  object = json_node_get_object (node);
  process->bursts = g_array_new (FALSE, FALSE, sizeof (OslBurst));
  if (!osl_json_object_get_string_member_checked (object, "name", default_name, &name, error) ||
      !read_uint (object, "arrival", 0, OSL_SCHED_MAX_ARRIVAL, 0, &process->arrival, error) ||
      !read_uint (object, "priority", 0, OSL_SCHED_MAX_PRIORITY, 0, &process->priority, error) ||
      !read_uint (object, "tickets", 1, OSL_SCHED_MAX_TICKETS, 100, &process->tickets, error) ||
      !osl_json_object_get_string_member_checked (object, "bursts", NULL, &bursts, error))
    {
      g_prefix_error (error, _("Process %u: "), number);
      return NULL;
    }
  process->name = g_strdup (name);
  if (bursts == NULL)
    {
      g_set_error (error, OSL_JSON_FILE_ERROR, OSL_JSON_FILE_ERROR_FIELD,
                   _("Process %u has no \"bursts\", such as \"CPU 5, IO 3, CPU 2\"."), number);
      return NULL;
    }
  if (!osl_sched_parse_bursts (bursts, process->bursts, error))
    {
      g_prefix_error (error, _("Process %u: "), number);
      return NULL;
    }
  return g_steal_pointer (&process);
}

/* Reads the members of a scenario envelope that osl_json_file_parse()
 * has already checked, then validates the whole. */
OslSchedScenario *
osl_sched_scenario_from_json (JsonObject  *object,
                              GError     **error)
{
  g_autoptr(OslSchedScenario) scenario = osl_sched_scenario_new ();
  g_autoptr(GError) local_error = NULL;
  const char *title, *description, *policy;
  JsonArray *processes;
  gint64 seed;

  if (!osl_json_object_get_string_member_checked (object, "title", NULL, &title, error) ||
      !osl_json_object_get_string_member_checked (object, "description", NULL, &description, error) ||
      !osl_json_object_get_string_member_checked (object, "policy", "rr", &policy, error))
    return NULL;
  if (!osl_sched_policy_from_string (policy, &scenario->policy))
    {
      g_set_error (error, OSL_JSON_FILE_ERROR, OSL_JSON_FILE_ERROR_FIELD,
                   _("The policy \"%s\" is unknown; use fcfs, sjf, stcf, rr, priority, mlfq, lottery or stride."),
                   policy);
      return NULL;
    }
  scenario->title = g_strdup (title);
  scenario->description = g_strdup (description);
  if (!read_uint (object, "quantum", 1, OSL_SCHED_MAX_QUANTUM, 4, &scenario->quantum, error) ||
      !read_uint (object, "cpus", 1, OSL_SCHED_MAX_CPUS, 1, &scenario->n_cpus, error) ||
      !read_uint (object, "switch_cost", 0, OSL_SCHED_MAX_SWITCH_COST, 0, &scenario->switch_cost, error) ||
      !read_uint (object, "multiprogramming", 0, OSL_SCHED_MAX_PROCESSES, 0,
                  &scenario->multiprogramming, error) ||
      !osl_json_object_get_bool_member_checked (object, "io_parallel", FALSE, &scenario->io_parallel, error) ||
      !osl_json_object_get_int_member_checked (object, "seed", 0, G_MAXINT64, 0, &seed, error) ||
      !read_priority (object, scenario, error) ||
      !read_mlfq (object, scenario, error))
    return NULL;
  scenario->seed = seed;
  processes = osl_json_object_get_array_member_checked (object, "processes", OSL_SCHED_MAX_PROCESSES,
                                                        &local_error);
  if (processes == NULL)
    {
      if (local_error != NULL)
        g_propagate_error (error, g_steal_pointer (&local_error));
      else
        g_set_error (error, OSL_JSON_FILE_ERROR, OSL_JSON_FILE_ERROR_FIELD,
                     _("The file has no \"processes\" list."));
      return NULL;
    }
  for (guint i = 0; i < json_array_get_length (processes); i++)
    {
      OslSchedProcess *process = read_process (json_array_get_element (processes, i), i + 1, error);

      if (process == NULL)
        return NULL;
      g_ptr_array_add (scenario->processes, process);
    }
  if (!osl_sched_scenario_validate (scenario, error))
    return NULL;
  return g_steal_pointer (&scenario);
}

OslSchedScenario *
osl_sched_scenario_parse (const char  *data,
                          gssize       length,
                          GError     **error)
{
  g_autoptr(JsonObject) object = osl_json_file_parse (data, length, OSL_SCHED_SCENARIO_FORMAT,
                                                      OSL_SCHED_SCENARIO_VERSION, error);

  if (object == NULL)
    return NULL;
  return osl_sched_scenario_from_json (object, error);
}

OslSchedScenario *
osl_sched_scenario_load (const char  *path,
                         GError     **error)
{
  g_autoptr(JsonObject) object = osl_json_file_load (path, OSL_SCHED_SCENARIO_FORMAT,
                                                     OSL_SCHED_SCENARIO_VERSION, error);

  if (object == NULL)
    return NULL;
  return osl_sched_scenario_from_json (object, error);
}

static JsonArray *
level_list (const OslSchedScenario *scenario,
            const guint            *values)
{
  JsonArray *array = json_array_new ();

  for (guint i = 0; i < scenario->n_levels; i++)
    json_array_add_int_element (array, values[scenario->n_levels - 1 - i]);
  return array;
}

JsonObject *
osl_sched_scenario_to_json (const OslSchedScenario *scenario)
{
  JsonObject *object = osl_json_file_new_object (OSL_SCHED_SCENARIO_FORMAT,
                                                 OSL_SCHED_SCENARIO_VERSION);
  JsonObject *priority = json_object_new ();
  JsonObject *mlfq = json_object_new ();
  JsonArray *processes = json_array_new ();

  if (scenario->title != NULL)
    json_object_set_string_member (object, "title", scenario->title);
  if (scenario->description != NULL)
    json_object_set_string_member (object, "description", scenario->description);
  json_object_set_string_member (object, "policy", osl_sched_policy_to_string (scenario->policy));
  json_object_set_int_member (object, "quantum", scenario->quantum);
  json_object_set_int_member (object, "cpus", scenario->n_cpus);
  json_object_set_int_member (object, "switch_cost", scenario->switch_cost);
  json_object_set_int_member (object, "multiprogramming", scenario->multiprogramming);
  json_object_set_boolean_member (object, "io_parallel", scenario->io_parallel);
  json_object_set_int_member (object, "seed", scenario->seed);
  json_object_set_boolean_member (priority, "preemptive", scenario->preemptive);
  json_object_set_int_member (priority, "aging", scenario->aging_period);
  json_object_set_object_member (object, "priority", priority);
  json_object_set_array_member (mlfq, "quanta", level_list (scenario, scenario->level_quantum));
  json_object_set_array_member (mlfq, "allotments", level_list (scenario, scenario->level_allotment));
  json_object_set_int_member (mlfq, "boost", scenario->boost_period);
  json_object_set_boolean_member (mlfq, "io_keeps_priority", scenario->io_keeps_priority);
  json_object_set_boolean_member (mlfq, "io_to_front", scenario->io_to_front);
  json_object_set_object_member (object, "mlfq", mlfq);
  for (guint i = 0; i < scenario->processes->len; i++)
    {
      const OslSchedProcess *process = g_ptr_array_index (scenario->processes, i);
      JsonObject *item = json_object_new ();
      g_autofree char *bursts = osl_sched_format_bursts (process->bursts);

      json_object_set_string_member (item, "name", process->name);
      json_object_set_int_member (item, "arrival", process->arrival);
      json_object_set_int_member (item, "priority", process->priority);
      json_object_set_int_member (item, "tickets", process->tickets);
      json_object_set_string_member (item, "bursts", bursts);
      json_array_add_object_element (processes, item);
    }
  json_object_set_array_member (object, "processes", processes);
  return object;
}

gboolean
osl_sched_scenario_save (const OslSchedScenario  *scenario,
                         const char              *path,
                         GError                 **error)
{
  g_autoptr(JsonObject) object = osl_sched_scenario_to_json (scenario);

  return osl_json_file_save (path, object, error);
}
