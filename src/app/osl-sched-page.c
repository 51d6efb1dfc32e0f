/* osl-sched-page.c: the scheduling view — queues, Gantt chart, controls
 *
 * The page owns an editable scenario. Every change of a control or of
 * the workload validates a copy and simulates it to the end; the view
 * then shows the run at the current tick, so stepping, scrubbing and
 * stepping back only move the tick.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>
#include <math.h>
#include <string.h>

#include "osl-diagram-view.h"
#include "osl-page.h"
#include "osl-sched-ostep.h"
#include "osl-sched-page.h"
#include "osl-sched-scenario.h"
#include "osl-sched-scene.h"
#include "osl-theme.h"

#define RESOURCE_DIR     "/io/github/oslens/OSLens/scenarios/"
#define BASE_INTERVAL_MS 700

struct _OslSchedPage
{
  GtkWidget          parent_instance;

  OslSchedScenario  *scenario;
  OslSchedRun       *run;
  OslSchedRun       *compare_run;
  guint              tick;
  guint              play_id;
  gboolean           syncing;
  gboolean           rows_stale;    /* the editor's rows show an older workload */

  /* Template widgets */
  GtkWidget         *box;
  GtkDropDown       *preset_dropdown;
  GtkStringList     *preset_list;
  GtkDropDown       *policy_dropdown;
  GtkStringList     *policy_list;
  GtkSpinButton     *quantum_spin;
  GtkSpinButton     *cpus_spin;
  GtkSpinButton     *switch_spin;
  GtkEntry          *quanta_entry;
  GtkEntry          *allotments_entry;
  GtkSpinButton     *boost_spin;
  GtkCheckButton    *stay_check;
  GtkCheckButton    *front_check;
  GtkCheckButton    *preemptive_check;
  GtkSpinButton     *aging_spin;
  GtkSpinButton     *multiprogramming_spin;
  GtkCheckButton    *parallel_check;
  GtkToggleButton   *compare_button;
  GtkDropDown       *compare_dropdown;
  GtkStringList     *compare_list;
  GtkToggleButton   *workload_button;
  GtkRevealer       *workload_revealer;
  GtkBox            *process_box;
  GtkSpinButton     *count_spin;
  GtkSpinButton     *seed_spin;
  GtkLabel          *problem_label;
  GtkScrolledWindow *diagram_scroller;
  OslDiagramView    *diagram;
  GtkButton         *play_button;
  GtkAdjustment     *scrub_adjustment;
  GtkLabel          *tick_label;
  GtkDropDown       *speed_dropdown;

  /* The "Paste OSTEP command" window, kept while open; its text stays
   * for the next time. */
  GtkWindow         *paste_window;
  GtkEntry          *paste_entry;
  GtkDropDown       *paste_dropdown;
  GtkLabel          *paste_problem;
  char              *paste_text;
  guint              paste_simulator;
};

static void osl_sched_page_iface_init (OslPageInterface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (OslSchedPage, osl_sched_page, GTK_TYPE_WIDGET,
                               G_IMPLEMENT_INTERFACE (OSL_TYPE_PAGE, osl_sched_page_iface_init))

static const char *preset_files[] = {
  "sched-convoy.json",
  "sched-rr-response.json",
  "sched-io-bound.json",
  "sched-lecture-queues.json",
  "sched-mlfq-starvation.json",
  "sched-mlfq-boost.json",
};

/* The states a flashcard's "Explore this" can ask for, and the preset
 * that shows each. "rings" also moves to the first kernel-mode tick, so
 * the mode lane shows a switch from ring 3 to ring 0 straight away. */
typedef struct
{
  const char *state;
  const char *preset;
  gboolean    to_kernel_tick;
} OslSchedNamedState;

static const OslSchedNamedState named_states[] = {
  { "preset:lecture-queues", "sched-lecture-queues.json", FALSE },
  { "preset:time-sharing",   "sched-rr-response.json",    FALSE },
  { "rings",                 "sched-io-bound.json",       TRUE },
};

static const double speeds[] = { 0.25, 0.5, 1, 2, 4, 8 };

static void rebuild_run (OslSchedPage *self);
static void sync_workload_rows (OslSchedPage *self);

static void
show_problem (OslSchedPage *self,
              const char   *message)
{
  gtk_label_set_text (self->problem_label, message != NULL ? message : "");
  gtk_widget_set_visible (GTK_WIDGET (self->problem_label), message != NULL);
}

static void
update_transport (OslSchedPage *self)
{
  guint length = self->run != NULL ? osl_sched_run_get_length (self->run) : 0;
  g_autofree char *text = g_strdup_printf (_("t = %u of %u"), self->tick, length);

  self->syncing = TRUE;
  gtk_adjustment_configure (self->scrub_adjustment, self->tick, 0, length, 1, 10, 0);
  self->syncing = FALSE;
  gtk_label_set_text (self->tick_label, text);
  gtk_button_set_icon_name (self->play_button, self->play_id != 0 ? "media-playback-pause-symbolic"
                                                                  : "media-playback-start-symbolic");
}

static void
set_tick (OslSchedPage *self,
          guint         tick,
          gboolean      animate)
{
  if (self->run == NULL)
    return;
  self->tick = MIN (tick, osl_sched_run_get_length (self->run));
  update_transport (self);
  osl_diagram_view_invalidate (self->diagram, animate);
}

static OslScene *
build_scene (double   width,
             double   height,
             gpointer user_data)
{
  OslSchedPage *self = user_data;

  if (self->run == NULL)
    return osl_scene_new (width, height, _("Scheduling"));
  if (self->compare_run != NULL)
    return osl_sched_scene_compare (self->run, self->compare_run, self->tick, width, height);
  return osl_sched_scene_build (self->run, self->tick, width, height);
}

/* A view taller than the window (zoomed in, its parts are stacked) keeps
 * its size and scrolls, rather than shrinking back to the size it had
 * before the zoom. The size request changes after the layout that asked
 * for the scene, never during it. */
static OslScene *
build_view_scene (double   width,
                  double   height,
                  gpointer user_data)
{
  OslSchedPage *self = user_data;
  double zoom = osl_theme_get_zoom (osl_theme_get_default ());
  double room = gtk_widget_get_height (GTK_WIDGET (self->diagram_scroller)) / zoom;
  double natural = 0;

  if (self->run != NULL && self->compare_run != NULL)
    natural = osl_sched_scene_compare_natural_height (self->run, self->compare_run, width);
  else if (self->run != NULL)
    natural = osl_sched_scene_natural_height (self->run, width);
  osl_diagram_view_request_height (self->diagram, natural > room + 1 ? (int) ceil (natural * zoom) : -1);
  return build_scene (width, height, self);
}

static char *
format_levels (const OslSchedScenario *scenario,
               const guint            *values)
{
  GString *text = g_string_new (NULL);

  for (gint l = scenario->n_levels - 1; l >= 0; l--)
    g_string_append_printf (text, "%s%u", l == (gint) scenario->n_levels - 1 ? "" : ", ", values[l]);
  return g_string_free (text, FALSE);
}

/* "4, 8, 16": one whole number per level, highest priority first. */
static gboolean
parse_levels (const char  *text,
              const char  *what,
              guint       *values,
              guint       *n_levels,
              GError     **error)
{
  g_auto(GStrv) items = g_strsplit (text, ",", -1);
  guint n = g_strv_length (items);

  if (n < 1 || n > OSL_SCHED_MAX_LEVELS)
    {
      g_set_error (error, OSL_SCHED_ERROR, OSL_SCHED_ERROR_INVALID,
                   _("The MLFQ %s list has %u items; give 1 to %d, separated by commas."),
                   what, n, OSL_SCHED_MAX_LEVELS);
      return FALSE;
    }
  for (guint i = 0; i < n; i++)
    {
      guint64 value;

      if (!g_ascii_string_to_unsigned (g_strstrip (items[i]), 10, 1, OSL_SCHED_MAX_QUANTUM, &value, NULL))
        {
          g_set_error (error, OSL_SCHED_ERROR, OSL_SCHED_ERROR_INVALID,
                       _("Item %u of the MLFQ %s list, “%s”, must be a whole number from 1 to %d."),
                       i + 1, what, items[i], OSL_SCHED_MAX_QUANTUM);
          return FALSE;
        }
      values[n - 1 - i] = value;
    }
  *n_levels = n;
  return TRUE;
}

/* Copies the controls into the scenario; FALSE with a message when a
 * typed list is wrong. */
static gboolean
read_controls (OslSchedPage  *self,
               GError       **error)
{
  OslSchedScenario *s = self->scenario;
  guint quanta[OSL_SCHED_MAX_LEVELS], allotments[OSL_SCHED_MAX_LEVELS];
  guint n_quanta, n_allotments;

  s->policy = gtk_drop_down_get_selected (self->policy_dropdown);
  gtk_widget_set_sensitive (GTK_WIDGET (self->quantum_spin),
                            osl_sched_policy_uses_quantum (s->policy) && s->policy != OSL_SCHED_MLFQ);
  s->quantum = gtk_spin_button_get_value_as_int (self->quantum_spin);
  s->n_cpus = gtk_spin_button_get_value_as_int (self->cpus_spin);
  s->switch_cost = gtk_spin_button_get_value_as_int (self->switch_spin);
  s->boost_period = gtk_spin_button_get_value_as_int (self->boost_spin);
  s->io_keeps_priority = gtk_check_button_get_active (self->stay_check);
  s->io_to_front = gtk_check_button_get_active (self->front_check);
  s->preemptive = gtk_check_button_get_active (self->preemptive_check);
  s->aging_period = gtk_spin_button_get_value_as_int (self->aging_spin);
  s->multiprogramming = gtk_spin_button_get_value_as_int (self->multiprogramming_spin);
  s->io_parallel = gtk_check_button_get_active (self->parallel_check);
  if (!parse_levels (gtk_editable_get_text (GTK_EDITABLE (self->quanta_entry)), _("quanta"),
                     quanta, &n_quanta, error) ||
      !parse_levels (gtk_editable_get_text (GTK_EDITABLE (self->allotments_entry)), _("allotments"),
                     allotments, &n_allotments, error))
    return FALSE;
  if (n_quanta != n_allotments)
    {
      g_set_error (error, OSL_SCHED_ERROR, OSL_SCHED_ERROR_INVALID,
                   _("There are %u MLFQ quanta but %u allotments; give one of each per level."),
                   n_quanta, n_allotments);
      return FALSE;
    }
  s->n_levels = n_quanta;
  memcpy (s->level_quantum, quanta, sizeof quanta);
  memcpy (s->level_allotment, allotments, sizeof allotments);
  return TRUE;
}

static void
write_controls (OslSchedPage *self)
{
  const OslSchedScenario *s = self->scenario;
  g_autofree char *quanta = format_levels (s, s->level_quantum);
  g_autofree char *allotments = format_levels (s, s->level_allotment);

  self->syncing = TRUE;
  gtk_drop_down_set_selected (self->policy_dropdown, s->policy);
  gtk_spin_button_set_value (self->quantum_spin, s->quantum);
  gtk_spin_button_set_value (self->cpus_spin, s->n_cpus);
  gtk_spin_button_set_value (self->switch_spin, s->switch_cost);
  gtk_editable_set_text (GTK_EDITABLE (self->quanta_entry), quanta);
  gtk_editable_set_text (GTK_EDITABLE (self->allotments_entry), allotments);
  gtk_spin_button_set_value (self->boost_spin, s->boost_period);
  gtk_check_button_set_active (self->stay_check, s->io_keeps_priority);
  gtk_check_button_set_active (self->front_check, s->io_to_front);
  gtk_check_button_set_active (self->preemptive_check, s->preemptive);
  gtk_spin_button_set_value (self->aging_spin, s->aging_period);
  gtk_spin_button_set_value (self->multiprogramming_spin, s->multiprogramming);
  gtk_check_button_set_active (self->parallel_check, s->io_parallel);
  gtk_spin_button_set_value (self->seed_spin, s->seed);
  self->syncing = FALSE;
}

static void
stop_playing (OslSchedPage *self)
{
  g_clear_handle_id (&self->play_id, g_source_remove);
}

/* Simulates the scenario (and the comparison) again; on a bad value the
 * old run stays on screen and the sentence says what is wrong. */
static void
rebuild_run (OslSchedPage *self)
{
  g_autoptr(GError) error = NULL;
  OslSchedRun *run;

  if (!read_controls (self, &error))
    {
      show_problem (self, error->message);
      return;
    }
  run = osl_sched_run_new (osl_sched_scenario_copy (self->scenario), &error);
  if (run == NULL)
    {
      show_problem (self, error->message);
      return;
    }
  show_problem (self, NULL);
  g_clear_pointer (&self->run, osl_sched_run_free);
  g_clear_pointer (&self->compare_run, osl_sched_run_free);
  self->run = run;
  if (gtk_toggle_button_get_active (self->compare_button))
    {
      OslSchedScenario *other = osl_sched_scenario_copy (self->scenario);

      other->policy = gtk_drop_down_get_selected (self->compare_dropdown);
      self->compare_run = osl_sched_run_new (other, NULL);
    }
  set_tick (self, self->tick, FALSE);
}

/* The last entry of the preset menu stands for a workload of the
 * user's own: opened, random or edited. */
static void
mark_custom (OslSchedPage *self)
{
  self->syncing = TRUE;
  gtk_drop_down_set_selected (self->preset_dropdown, G_N_ELEMENTS (preset_files));
  self->syncing = FALSE;
}

static void
set_scenario (OslSchedPage     *self,
              OslSchedScenario *scenario)
{
  stop_playing (self);
  osl_sched_scenario_free (self->scenario);
  self->scenario = scenario;
  self->tick = 0;
  write_controls (self);
  sync_workload_rows (self);
  rebuild_run (self);
}

static void
controls_changed_cb (OslSchedPage *self)
{
  if (!self->syncing)
    rebuild_run (self);
}

static void
workload_edited (OslSchedPage *self)
{
  if (self->syncing)
    return;
  mark_custom (self);
  rebuild_run (self);
}

/* ---- the workload editor: one row of entries per process ---- */

static guint
row_process (GtkWidget *widget)
{
  return GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (gtk_widget_get_parent (widget)), "process"));
}

static void
name_changed_cb (GtkEditable  *entry,
                 OslSchedPage *self)
{
  OslSchedProcess *process = g_ptr_array_index (self->scenario->processes, row_process (GTK_WIDGET (entry)));

  g_free (process->name);
  process->name = g_strdup (gtk_editable_get_text (entry));
  workload_edited (self);
}

static void
number_changed_cb (GtkSpinButton *spin,
                   OslSchedPage  *self)
{
  OslSchedProcess *process = g_ptr_array_index (self->scenario->processes, row_process (GTK_WIDGET (spin)));
  gsize offset = GPOINTER_TO_SIZE (g_object_get_data (G_OBJECT (spin), "field"));

  /* The row's spin buttons edit the guint fields arrival, priority and
   * tickets of OslSchedProcess; each knows its field's offset. */
  *(guint *) ((char *) process + offset) = gtk_spin_button_get_value_as_int (spin);
  workload_edited (self);
}

static void
bursts_changed_cb (GtkEditable  *entry,
                   OslSchedPage *self)
{
  OslSchedProcess *process = g_ptr_array_index (self->scenario->processes, row_process (GTK_WIDGET (entry)));
  g_autoptr(GArray) bursts = g_array_new (FALSE, FALSE, sizeof (OslBurst));
  g_autoptr(GError) error = NULL;

  if (!osl_sched_parse_bursts (gtk_editable_get_text (entry), bursts, &error))
    {
      g_autofree char *message = g_strdup_printf ("%s: %s", process->name, error->message);

      gtk_widget_add_css_class (GTK_WIDGET (entry), "error");
      gtk_widget_set_tooltip_text (GTK_WIDGET (entry), error->message);
      show_problem (self, message);
      return;
    }
  gtk_widget_remove_css_class (GTK_WIDGET (entry), "error");
  gtk_widget_set_tooltip_text (GTK_WIDGET (entry), _("CPU and I/O bursts in ticks, e.g. CPU 5, IO 3, CPU 2"));
  g_array_unref (process->bursts);
  process->bursts = g_steal_pointer (&bursts);
  workload_edited (self);
}

static void
remove_clicked_cb (GtkButton    *button,
                   OslSchedPage *self)
{
  if (self->scenario->processes->len <= 1)
    {
      show_problem (self, _("A workload needs at least one process."));
      return;
    }
  g_ptr_array_remove_index (self->scenario->processes, row_process (GTK_WIDGET (button)));
  sync_workload_rows (self);
  workload_edited (self);
}

static GtkWidget *
number_spin (OslSchedPage *self,
             guint         value,
             guint         lower,
             guint         upper,
             gsize         offset,
             const char   *tooltip)
{
  GtkWidget *spin = gtk_spin_button_new_with_range (lower, upper, 1);

  gtk_spin_button_set_value (GTK_SPIN_BUTTON (spin), value);
  gtk_widget_set_tooltip_text (spin, tooltip);
  g_object_set_data (G_OBJECT (spin), "field", GSIZE_TO_POINTER (offset));
  g_signal_connect (spin, "value-changed", G_CALLBACK (number_changed_cb), self);
  return spin;
}

static void
rebuild_workload_rows (OslSchedPage *self)
{
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->process_box))) != NULL)
    gtk_box_remove (self->process_box, child);
  for (guint p = 0; p < self->scenario->processes->len; p++)
    {
      const OslSchedProcess *process = g_ptr_array_index (self->scenario->processes, p);
      g_autofree char *bursts = osl_sched_format_bursts (process->bursts);
      GtkWidget *row = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 4);
      GtkWidget *name = gtk_entry_new ();
      GtkWidget *burst_entry = gtk_entry_new ();
      GtkWidget *remove = gtk_button_new_from_icon_name ("list-remove-symbolic");

      g_object_set_data (G_OBJECT (row), "process", GUINT_TO_POINTER (p));
      gtk_editable_set_text (GTK_EDITABLE (name), process->name);
      gtk_editable_set_width_chars (GTK_EDITABLE (name), 5);
      gtk_entry_set_max_length (GTK_ENTRY (name), OSL_SCHED_MAX_NAME);
      gtk_widget_set_tooltip_text (name, _("Name"));
      g_signal_connect (name, "changed", G_CALLBACK (name_changed_cb), self);
      gtk_box_append (GTK_BOX (row), name);
      gtk_box_append (GTK_BOX (row), number_spin (self, process->arrival, 0, OSL_SCHED_MAX_ARRIVAL,
                                                  G_STRUCT_OFFSET (OslSchedProcess, arrival), _("Arrival time")));
      gtk_box_append (GTK_BOX (row), number_spin (self, process->priority, 0, OSL_SCHED_MAX_PRIORITY,
                                                  G_STRUCT_OFFSET (OslSchedProcess, priority),
                                                  _("Priority (0 is the highest)")));
      gtk_box_append (GTK_BOX (row), number_spin (self, process->tickets, 1, OSL_SCHED_MAX_TICKETS,
                                                  G_STRUCT_OFFSET (OslSchedProcess, tickets),
                                                  _("Tickets for lottery and stride")));
      gtk_editable_set_text (GTK_EDITABLE (burst_entry), bursts);
      gtk_widget_set_hexpand (burst_entry, TRUE);
      /* Room for "CPU 5, IO 3, CPU 2" even when the diagram is wide. */
      gtk_editable_set_width_chars (GTK_EDITABLE (burst_entry), 18);
      gtk_widget_set_tooltip_text (burst_entry, _("CPU and I/O bursts in ticks, e.g. CPU 5, IO 3, CPU 2"));
      g_signal_connect (burst_entry, "changed", G_CALLBACK (bursts_changed_cb), self);
      gtk_box_append (GTK_BOX (row), burst_entry);
      gtk_widget_set_tooltip_text (remove, _("Remove this process"));
      g_signal_connect (remove, "clicked", G_CALLBACK (remove_clicked_cb), self);
      gtk_box_append (GTK_BOX (row), remove);
      gtk_box_append (self->process_box, row);
    }
}

/* The rows are built when the editor is open, not at start-up for a
 * panel that many lessons never open. */
static void
sync_workload_rows (OslSchedPage *self)
{
  self->rows_stale = !gtk_toggle_button_get_active (self->workload_button);
  if (!self->rows_stale)
    rebuild_workload_rows (self);
}

static void
add_clicked_cb (OslSchedPage *self)
{
  g_autofree char *name = g_strdup_printf ("P%u", self->scenario->processes->len + 1);

  if (self->scenario->processes->len >= 40)
    {
      show_problem (self, _("The editor holds up to 40 processes; load a scenario file for more."));
      return;
    }
  g_ptr_array_add (self->scenario->processes, osl_sched_process_new (name, 0, "CPU 5", NULL));
  sync_workload_rows (self);
  workload_edited (self);
}

static void
random_clicked_cb (OslSchedPage *self)
{
  OslSchedScenario *scenario = osl_sched_scenario_copy (self->scenario);

  g_clear_pointer (&scenario->title, g_free);
  g_clear_pointer (&scenario->description, g_free);
  scenario->title = g_strdup (_("Random workload"));
  osl_sched_scenario_randomize (scenario, gtk_spin_button_get_value_as_int (self->seed_spin),
                                gtk_spin_button_get_value_as_int (self->count_spin));
  set_scenario (self, scenario);
  mark_custom (self);
}

static void
load_preset (OslSchedPage *self,
             guint         index)
{
  g_autofree char *path = g_strconcat (RESOURCE_DIR, preset_files[index], NULL);
  g_autoptr(GBytes) bytes = g_resources_lookup_data (path, G_RESOURCE_LOOKUP_FLAGS_NONE, NULL);
  g_autoptr(GError) error = NULL;
  OslSchedScenario *scenario;

  g_return_if_fail (bytes != NULL);
  scenario = osl_sched_scenario_parse (g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes), &error);
  g_return_if_fail (scenario != NULL);
  set_scenario (self, scenario);
}

static void
preset_selected_cb (OslSchedPage *self)
{
  guint selected = gtk_drop_down_get_selected (self->preset_dropdown);

  if (!self->syncing && selected < G_N_ELEMENTS (preset_files))
    load_preset (self, selected);
}

/* Comparing a policy with itself shows nothing: offer FCFS, or SJF when
 * FCFS is the policy on screen. */
static void
compare_toggled_cb (OslSchedPage *self)
{
  OslSchedPolicy other = self->scenario->policy == OSL_SCHED_FCFS ? OSL_SCHED_SJF : OSL_SCHED_FCFS;

  if (!gtk_toggle_button_get_active (self->compare_button) ||
      gtk_drop_down_get_selected (self->compare_dropdown) != self->scenario->policy)
    return;
  self->syncing = TRUE;
  gtk_drop_down_set_selected (self->compare_dropdown, other);
  self->syncing = FALSE;
}

static void
workload_toggled_cb (OslSchedPage *self)
{
  gboolean shown = gtk_toggle_button_get_active (self->workload_button);

  /* A hidden revealer still claims its child's width; hide it outright
   * so the diagram gets the whole row. */
  if (shown)
    gtk_widget_set_visible (GTK_WIDGET (self->workload_revealer), TRUE);
  if (shown && self->rows_stale)
    sync_workload_rows (self);
  gtk_revealer_set_reveal_child (self->workload_revealer, shown);
}

static void
workload_revealed_cb (OslSchedPage *self)
{
  if (!gtk_revealer_get_child_revealed (self->workload_revealer) &&
      !gtk_revealer_get_reveal_child (self->workload_revealer))
    gtk_widget_set_visible (GTK_WIDGET (self->workload_revealer), FALSE);
}

static void
scrubbed_cb (OslSchedPage *self)
{
  if (!self->syncing)
    set_tick (self, (guint) gtk_adjustment_get_value (self->scrub_adjustment), FALSE);
}

/* ---- pasting an OSTEP command ---- */

/**
 * osl_sched_page_paste_command:
 * @self: the page
 * @command_line: a scheduler.py, mlfq.py or process-run.py invocation
 * @fallback: the simulator to assume when @command_line names no script
 * @error: one sentence when the command cannot be animated
 *
 * Replaces the workload and the policy with what the command simulates.
 * On an error the page keeps what it showed.
 */
gboolean
osl_sched_page_paste_command (OslSchedPage            *self,
                              const char              *command_line,
                              OslSchedOstepSimulator   fallback,
                              GError                 **error)
{
  OslSchedScenario *scenario = osl_sched_ostep_import (command_line, fallback, error);

  if (scenario == NULL)
    return FALSE;
  set_scenario (self, scenario);
  mark_custom (self);
  return TRUE;
}

static void
paste_open_cb (OslSchedPage *self)
{
  g_autoptr(GError) error = NULL;
  const char *text = gtk_editable_get_text (GTK_EDITABLE (self->paste_entry));

  g_free (self->paste_text);
  self->paste_text = g_strdup (text);
  self->paste_simulator = gtk_drop_down_get_selected (self->paste_dropdown);
  if (!osl_sched_page_paste_command (self, text, self->paste_simulator, &error))
    {
      gtk_label_set_text (self->paste_problem, error->message);
      gtk_widget_set_visible (GTK_WIDGET (self->paste_problem), TRUE);
      gtk_widget_add_css_class (GTK_WIDGET (self->paste_entry), "error");
      return;
    }
  gtk_window_destroy (self->paste_window);
}

static void
paste_text_changed_cb (OslSchedPage *self)
{
  const char *text = gtk_editable_get_text (GTK_EDITABLE (self->paste_entry));
  OslSchedOstepSimulator simulator;

  gtk_widget_remove_css_class (GTK_WIDGET (self->paste_entry), "error");
  gtk_widget_set_visible (GTK_WIDGET (self->paste_problem), FALSE);
  /* A script named in the text decides; the menu only counts without. */
  if (osl_sched_ostep_find_simulator (text, &simulator))
    gtk_drop_down_set_selected (self->paste_dropdown, simulator);
}

static void
paste_window_destroyed_cb (OslSchedPage *self)
{
  self->paste_window = NULL;
  self->paste_entry = NULL;
  self->paste_dropdown = NULL;
  self->paste_problem = NULL;
}

static GtkWidget *
paste_dialog_buttons (OslSchedPage *self)
{
  GtkWidget *buttons = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 8);
  GtkWidget *cancel = gtk_button_new_with_mnemonic (_("_Cancel"));
  GtkWidget *open = gtk_button_new_with_mnemonic (_("_Animate"));

  gtk_widget_set_halign (buttons, GTK_ALIGN_END);
  gtk_widget_set_tooltip_text (cancel, _("Close without changing the workload (Escape)"));
  gtk_widget_set_tooltip_text (open, _("Replace the workload with the command's jobs and policy (Enter)"));
  gtk_widget_add_css_class (open, "suggested-action");
  g_signal_connect_swapped (cancel, "clicked", G_CALLBACK (gtk_window_destroy), self->paste_window);
  g_signal_connect_swapped (open, "clicked", G_CALLBACK (paste_open_cb), self);
  gtk_box_append (GTK_BOX (buttons), cancel);
  gtk_box_append (GTK_BOX (buttons), open);
  return buttons;
}

static void
open_paste_window (OslSchedPage *self)
{
  GtkStringList *programs = gtk_string_list_new (NULL);
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 12);
  GtkWidget *row = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 8);
  GtkWidget *intro;
  GtkEventController *keys = gtk_shortcut_controller_new ();

  if (self->paste_window != NULL)
    {
      gtk_window_present (self->paste_window);
      return;
    }
  for (guint s = 0; s < OSL_SCHED_OSTEP_N_SIMULATORS; s++)
    gtk_string_list_append (programs, osl_sched_ostep_program (s));

  self->paste_window = GTK_WINDOW (gtk_window_new ());
  gtk_window_set_title (self->paste_window, _("Paste OSTEP Command"));
  gtk_window_set_modal (self->paste_window, TRUE);
  gtk_window_set_transient_for (self->paste_window, GTK_WINDOW (gtk_widget_get_root (GTK_WIDGET (self))));
  gtk_window_set_default_size (self->paste_window, 640, -1);
  gtk_window_set_destroy_with_parent (self->paste_window, TRUE);
  g_signal_connect_swapped (self->paste_window, "destroy", G_CALLBACK (paste_window_destroyed_cb), self);
  gtk_shortcut_controller_add_shortcut (GTK_SHORTCUT_CONTROLLER (keys),
                                        gtk_shortcut_new (gtk_keyval_trigger_new (GDK_KEY_Escape, 0),
                                                          gtk_named_action_new ("window.close")));
  gtk_widget_add_controller (GTK_WIDGET (self->paste_window), keys);

  intro = gtk_label_new (_("Paste a command of the OSTEP homework, such as ./scheduler.py -p RR -q 2 -s 5 -j 4, "
                           "python3 mlfq.py -n 3 -j 2 -s 1 or ./process-run.py -l 5:50,5:50. "
                           "Its jobs and policy open here as an animation."));
  gtk_label_set_wrap (GTK_LABEL (intro), TRUE);
  gtk_label_set_xalign (GTK_LABEL (intro), 0);
  gtk_label_set_max_width_chars (GTK_LABEL (intro), 60);

  self->paste_dropdown = GTK_DROP_DOWN (gtk_drop_down_new (G_LIST_MODEL (programs), NULL));
  gtk_drop_down_set_selected (self->paste_dropdown, self->paste_simulator);
  gtk_widget_set_tooltip_text (GTK_WIDGET (self->paste_dropdown),
                               _("The simulator to assume when the command names no script"));
  self->paste_entry = GTK_ENTRY (gtk_entry_new ());
  gtk_widget_set_hexpand (GTK_WIDGET (self->paste_entry), TRUE);
  gtk_entry_set_placeholder_text (self->paste_entry, "./scheduler.py -p RR -q 2 -s 5 -j 4 -c");
  gtk_widget_set_tooltip_text (GTK_WIDGET (self->paste_entry), _("The command line, as typed in a terminal"));
  gtk_editable_set_text (GTK_EDITABLE (self->paste_entry), self->paste_text != NULL ? self->paste_text : "");
  g_signal_connect_swapped (self->paste_entry, "changed", G_CALLBACK (paste_text_changed_cb), self);
  g_signal_connect_swapped (self->paste_entry, "activate", G_CALLBACK (paste_open_cb), self);
  gtk_box_append (GTK_BOX (row), GTK_WIDGET (self->paste_dropdown));
  gtk_box_append (GTK_BOX (row), GTK_WIDGET (self->paste_entry));

  self->paste_problem = GTK_LABEL (gtk_label_new (NULL));
  gtk_label_set_wrap (self->paste_problem, TRUE);
  gtk_label_set_xalign (self->paste_problem, 0);
  gtk_widget_add_css_class (GTK_WIDGET (self->paste_problem), "error");
  gtk_widget_set_visible (GTK_WIDGET (self->paste_problem), FALSE);

  g_object_set (box, "margin-top", 18, "margin-bottom", 18, "margin-start", 18, "margin-end", 18, NULL);
  gtk_box_append (GTK_BOX (box), intro);
  gtk_box_append (GTK_BOX (box), row);
  gtk_box_append (GTK_BOX (box), GTK_WIDGET (self->paste_problem));
  gtk_box_append (GTK_BOX (box), paste_dialog_buttons (self));
  gtk_window_set_child (self->paste_window, box);
  gtk_window_present (self->paste_window);
  gtk_widget_grab_focus (GTK_WIDGET (self->paste_entry));
}

/* ---- playing ---- */

static gboolean
play_tick_cb (gpointer user_data)
{
  OslSchedPage *self = user_data;

  if (self->tick >= osl_sched_run_get_length (self->run))
    {
      self->play_id = 0;
      update_transport (self);
      return G_SOURCE_REMOVE;
    }
  set_tick (self, self->tick + 1, TRUE);
  return G_SOURCE_CONTINUE;
}

static void
start_playing (OslSchedPage *self)
{
  double speed = speeds[MIN (gtk_drop_down_get_selected (self->speed_dropdown), G_N_ELEMENTS (speeds) - 1)];

  stop_playing (self);
  if (self->run != NULL && self->tick >= osl_sched_run_get_length (self->run))
    self->tick = 0;
  self->play_id = g_timeout_add (BASE_INTERVAL_MS / speed, play_tick_cb, self);
  update_transport (self);
}

static void
speed_changed_cb (OslSchedPage *self)
{
  if (self->play_id != 0)
    start_playing (self);
}

static void
osl_sched_page_step_forward (OslPage *page)
{
  OslSchedPage *self = OSL_SCHED_PAGE (page);

  stop_playing (self);
  set_tick (self, self->tick + 1, TRUE);
}

static void
osl_sched_page_step_back (OslPage *page)
{
  OslSchedPage *self = OSL_SCHED_PAGE (page);

  stop_playing (self);
  if (self->tick > 0)
    set_tick (self, self->tick - 1, TRUE);
}

static void
osl_sched_page_play_pause (OslPage *page)
{
  OslSchedPage *self = OSL_SCHED_PAGE (page);

  if (self->play_id != 0)
    {
      stop_playing (self);
      update_transport (self);
    }
  else
    start_playing (self);
}

static void
osl_sched_page_restart (OslPage *page)
{
  OslSchedPage *self = OSL_SCHED_PAGE (page);

  stop_playing (self);
  set_tick (self, 0, FALSE);
}

static void
forward_clicked_cb (OslSchedPage *self)
{
  osl_sched_page_step_forward (OSL_PAGE (self));
}

static void
back_clicked_cb (OslSchedPage *self)
{
  osl_sched_page_step_back (OSL_PAGE (self));
}

static void
play_clicked_cb (OslSchedPage *self)
{
  osl_sched_page_play_pause (OSL_PAGE (self));
}

static void
restart_clicked_cb (OslSchedPage *self)
{
  osl_sched_page_restart (OSL_PAGE (self));
}

/* ---- OslPage ---- */

static OslScene *
osl_sched_page_build_scene (OslPage *page,
                            double   width,
                            double   height)
{
  return build_scene (osl_sched_scene_export_width (width, height), height, page);
}

static gboolean
osl_sched_page_open_file (OslPage  *page,
                          GFile    *file,
                          GError  **error)
{
  g_autofree char *path = g_file_get_path (file);
  OslSchedScenario *scenario = osl_sched_scenario_load (path, error);

  if (scenario == NULL)
    return FALSE;
  set_scenario (OSL_SCHED_PAGE (page), scenario);
  mark_custom (OSL_SCHED_PAGE (page));
  return TRUE;
}

static gboolean
osl_sched_page_save_file (OslPage  *page,
                          GFile    *file,
                          GError  **error)
{
  OslSchedPage *self = OSL_SCHED_PAGE (page);
  g_autofree char *path = g_file_get_path (file);

  if (!read_controls (self, error) || !osl_sched_scenario_validate (self->scenario, error))
    return FALSE;
  return osl_sched_scenario_save (self->scenario, path, error);
}

static guint
first_kernel_tick (OslSchedRun *run)
{
  guint length = osl_sched_run_get_length (run);
  guint n_cpus = osl_sched_run_get_scenario (run)->n_cpus;

  for (guint t = 0; t < length; t++)
    {
      const OslSchedSlot *slots = osl_sched_run_get_slots (run, t);

      for (guint c = 0; c < n_cpus; c++)
        if (slots[c].mode >= OSL_MODE_KERNEL_SCHEDULER)
          return t;
    }
  return 0;
}

static gboolean
osl_sched_page_show_state (OslPage    *page,
                           const char *state)
{
  OslSchedPage *self = OSL_SCHED_PAGE (page);

  for (guint i = 0; i < G_N_ELEMENTS (named_states); i++)
    {
      if (!g_str_equal (state, named_states[i].state))
        continue;
      for (guint p = 0; p < G_N_ELEMENTS (preset_files); p++)
        if (g_str_equal (preset_files[p], named_states[i].preset))
          {
            self->syncing = TRUE;
            gtk_drop_down_set_selected (self->preset_dropdown, p);
            self->syncing = FALSE;
            load_preset (self, p);
            if (named_states[i].to_kernel_tick && self->run != NULL)
              set_tick (self, first_kernel_tick (self->run), FALSE);
            return TRUE;
          }
    }
  return FALSE;
}

static void
osl_sched_page_iface_init (OslPageInterface *iface)
{
  iface->step_forward = osl_sched_page_step_forward;
  iface->step_back = osl_sched_page_step_back;
  iface->play_pause = osl_sched_page_play_pause;
  iface->restart = osl_sched_page_restart;
  iface->build_scene = osl_sched_page_build_scene;
  iface->open_file = osl_sched_page_open_file;
  iface->save_file = osl_sched_page_save_file;
  iface->show_state = osl_sched_page_show_state;
}

/* ---- key bindings ---- */

static gboolean
toggle_compare_cb (GtkWidget *widget,
                   GVariant  *args,
                   gpointer   user_data)
{
  OslSchedPage *self = OSL_SCHED_PAGE (widget);

  gtk_toggle_button_set_active (self->compare_button, !gtk_toggle_button_get_active (self->compare_button));
  return TRUE;
}

static void
toggle_workload_action (GtkWidget  *widget,
                        const char *action_name,
                        GVariant   *parameter)
{
  OslSchedPage *self = OSL_SCHED_PAGE (widget);

  gtk_toggle_button_set_active (self->workload_button, !gtk_toggle_button_get_active (self->workload_button));
}

static gboolean
focus_widget_cb (GtkWidget *widget,
                 GVariant  *args,
                 gpointer   user_data)
{
  OslSchedPage *self = OSL_SCHED_PAGE (widget);
  const char *which = g_variant_get_string (args, NULL);

  gtk_widget_grab_focus (g_str_equal (which, "preset") ? GTK_WIDGET (self->preset_dropdown)
                                                       : GTK_WIDGET (self->policy_dropdown));
  return TRUE;
}

static void
paste_command_action (GtkWidget  *widget,
                      const char *action_name,
                      GVariant   *parameter)
{
  open_paste_window (OSL_SCHED_PAGE (widget));
}

static gboolean
add_process_cb (GtkWidget *widget,
                GVariant  *args,
                gpointer   user_data)
{
  add_clicked_cb (OSL_SCHED_PAGE (widget));
  return TRUE;
}

/* ---- GObject ---- */

static void
osl_sched_page_dispose (GObject *object)
{
  OslSchedPage *self = OSL_SCHED_PAGE (object);

  stop_playing (self);
  if (self->paste_window != NULL)
    gtk_window_destroy (self->paste_window);
  gtk_widget_dispose_template (GTK_WIDGET (self), OSL_TYPE_SCHED_PAGE);
  G_OBJECT_CLASS (osl_sched_page_parent_class)->dispose (object);
}

static void
osl_sched_page_finalize (GObject *object)
{
  OslSchedPage *self = OSL_SCHED_PAGE (object);

  g_clear_pointer (&self->run, osl_sched_run_free);
  g_clear_pointer (&self->compare_run, osl_sched_run_free);
  g_clear_pointer (&self->scenario, osl_sched_scenario_free);
  g_clear_pointer (&self->paste_text, g_free);
  G_OBJECT_CLASS (osl_sched_page_parent_class)->finalize (object);
}

static void
osl_sched_page_class_init (OslSchedPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = osl_sched_page_dispose;
  object_class->finalize = osl_sched_page_finalize;

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  g_type_ensure (OSL_TYPE_DIAGRAM_VIEW);
  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/oslens/OSLens/ui/osl-sched-page.ui");
  gtk_widget_class_bind_template_child (widget_class, OslSchedPage, box);
  gtk_widget_class_bind_template_child (widget_class, OslSchedPage, preset_dropdown);
  gtk_widget_class_bind_template_child (widget_class, OslSchedPage, preset_list);
  gtk_widget_class_bind_template_child (widget_class, OslSchedPage, policy_dropdown);
  gtk_widget_class_bind_template_child (widget_class, OslSchedPage, policy_list);
  gtk_widget_class_bind_template_child (widget_class, OslSchedPage, quantum_spin);
  gtk_widget_class_bind_template_child (widget_class, OslSchedPage, cpus_spin);
  gtk_widget_class_bind_template_child (widget_class, OslSchedPage, switch_spin);
  gtk_widget_class_bind_template_child (widget_class, OslSchedPage, quanta_entry);
  gtk_widget_class_bind_template_child (widget_class, OslSchedPage, allotments_entry);
  gtk_widget_class_bind_template_child (widget_class, OslSchedPage, boost_spin);
  gtk_widget_class_bind_template_child (widget_class, OslSchedPage, stay_check);
  gtk_widget_class_bind_template_child (widget_class, OslSchedPage, front_check);
  gtk_widget_class_bind_template_child (widget_class, OslSchedPage, preemptive_check);
  gtk_widget_class_bind_template_child (widget_class, OslSchedPage, aging_spin);
  gtk_widget_class_bind_template_child (widget_class, OslSchedPage, multiprogramming_spin);
  gtk_widget_class_bind_template_child (widget_class, OslSchedPage, parallel_check);
  gtk_widget_class_bind_template_child (widget_class, OslSchedPage, compare_button);
  gtk_widget_class_bind_template_child (widget_class, OslSchedPage, compare_dropdown);
  gtk_widget_class_bind_template_child (widget_class, OslSchedPage, compare_list);
  gtk_widget_class_bind_template_child (widget_class, OslSchedPage, workload_button);
  gtk_widget_class_bind_template_child (widget_class, OslSchedPage, workload_revealer);
  gtk_widget_class_bind_template_child (widget_class, OslSchedPage, process_box);
  gtk_widget_class_bind_template_child (widget_class, OslSchedPage, count_spin);
  gtk_widget_class_bind_template_child (widget_class, OslSchedPage, seed_spin);
  gtk_widget_class_bind_template_child (widget_class, OslSchedPage, problem_label);
  gtk_widget_class_bind_template_child (widget_class, OslSchedPage, diagram);
  gtk_widget_class_bind_template_child (widget_class, OslSchedPage, diagram_scroller);
  gtk_widget_class_bind_template_child (widget_class, OslSchedPage, play_button);
  gtk_widget_class_bind_template_child (widget_class, OslSchedPage, scrub_adjustment);
  gtk_widget_class_bind_template_child (widget_class, OslSchedPage, tick_label);
  gtk_widget_class_bind_template_child (widget_class, OslSchedPage, speed_dropdown);
  gtk_widget_class_bind_template_callback (widget_class, add_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, random_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, restart_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, back_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, play_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, forward_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, workload_revealed_cb);

  gtk_widget_class_add_binding (widget_class, GDK_KEY_k, GDK_CONTROL_MASK, toggle_compare_cb, NULL);
  /* F9 toggles a side panel across GNOME; Ctrl+W stays the window's
   * close key, and none of these take an application accelerator. */
  gtk_widget_class_install_action (widget_class, "sched.toggle-workload", NULL, toggle_workload_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_F9, 0, "sched.toggle-workload", NULL);
  gtk_widget_class_add_binding (widget_class, GDK_KEY_n, GDK_CONTROL_MASK, add_process_cb, NULL);
  gtk_widget_class_install_action (widget_class, "sched.paste-command", NULL, paste_command_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_V, GDK_CONTROL_MASK | GDK_SHIFT_MASK,
                                       "sched.paste-command", NULL);
  gtk_widget_class_add_binding (widget_class, GDK_KEY_l, GDK_CONTROL_MASK, focus_widget_cb, "s", "preset");
  gtk_widget_class_add_binding (widget_class, GDK_KEY_p, GDK_CONTROL_MASK, focus_widget_cb, "s", "policy");
}

static void
connect_control (GObject      *object,
                 const char   *signal,
                 OslSchedPage *self)
{
  g_signal_connect_swapped (object, signal, G_CALLBACK (controls_changed_cb), self);
}

static void
osl_sched_page_init (OslSchedPage *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  self->scenario = osl_sched_scenario_new ();
  for (guint p = 0; p < OSL_SCHED_N_POLICIES; p++)
    {
      gtk_string_list_append (self->policy_list, osl_sched_policy_title (p));
      gtk_string_list_append (self->compare_list, osl_sched_scene_policy_short_name (p));
    }
  gtk_drop_down_set_selected (self->compare_dropdown, OSL_SCHED_FCFS);
  for (guint i = 0; i < G_N_ELEMENTS (preset_files); i++)
    {
      g_autofree char *path = g_strconcat (RESOURCE_DIR, preset_files[i], NULL);
      g_autoptr(GBytes) bytes = g_resources_lookup_data (path, G_RESOURCE_LOOKUP_FLAGS_NONE, NULL);
      g_autoptr(OslSchedScenario) preset = NULL;

      if (bytes != NULL)
        preset = osl_sched_scenario_parse (g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes), NULL);
      gtk_string_list_append (self->preset_list, preset != NULL && preset->title != NULL ? preset->title : preset_files[i]);
    }
  gtk_string_list_append (self->preset_list, _("Your own workload"));

  connect_control (G_OBJECT (self->policy_dropdown), "notify::selected", self);
  connect_control (G_OBJECT (self->compare_dropdown), "notify::selected", self);
  g_signal_connect_swapped (self->compare_button, "toggled", G_CALLBACK (compare_toggled_cb), self);
  connect_control (G_OBJECT (self->compare_button), "toggled", self);
  connect_control (G_OBJECT (self->quantum_spin), "value-changed", self);
  connect_control (G_OBJECT (self->cpus_spin), "value-changed", self);
  connect_control (G_OBJECT (self->switch_spin), "value-changed", self);
  connect_control (G_OBJECT (self->boost_spin), "value-changed", self);
  connect_control (G_OBJECT (self->aging_spin), "value-changed", self);
  connect_control (G_OBJECT (self->multiprogramming_spin), "value-changed", self);
  connect_control (G_OBJECT (self->quanta_entry), "changed", self);
  connect_control (G_OBJECT (self->allotments_entry), "changed", self);
  connect_control (G_OBJECT (self->stay_check), "toggled", self);
  connect_control (G_OBJECT (self->front_check), "toggled", self);
  connect_control (G_OBJECT (self->preemptive_check), "toggled", self);
  connect_control (G_OBJECT (self->parallel_check), "toggled", self);
  g_signal_connect_swapped (self->preset_dropdown, "notify::selected", G_CALLBACK (preset_selected_cb), self);
  g_signal_connect_swapped (self->workload_button, "toggled", G_CALLBACK (workload_toggled_cb), self);
  g_signal_connect_swapped (self->scrub_adjustment, "value-changed", G_CALLBACK (scrubbed_cb), self);
  g_signal_connect_swapped (self->speed_dropdown, "notify::selected", G_CALLBACK (speed_changed_cb), self);

  osl_diagram_view_set_builder (self->diagram, build_view_scene, self, NULL);
  load_preset (self, 0);
}

GtkWidget *
osl_sched_page_new (void)
{
  return g_object_new (OSL_TYPE_SCHED_PAGE, NULL);
}
