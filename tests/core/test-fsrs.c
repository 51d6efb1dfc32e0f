/* test-fsrs.c: the FSRS port against vectors from the reference
 *
 * tests/data/fsrs/vectors.json holds review histories replayed by the
 * reference implementation (see tests/data/fsrs/README.md); every
 * review's stability and difficulty must match to 1e-6 and every due
 * time, state and interval exactly, including fuzzed intervals.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <gio/gio.h>
#include <math.h>

#include "osl-fsrs.h"
#include "osl-js-number.h"
#include "osl-json-file.h"

static JsonObject *vectors;

static void
params_from_json (JsonObject    *config,
                  OslFsrsParams *params)
{
  JsonArray *steps;

  osl_fsrs_params_init (params);
  params->request_retention = json_object_get_double_member (config, "request_retention");
  params->maximum_interval = json_object_get_int_member (config, "maximum_interval");
  params->enable_fuzz = json_object_get_boolean_member (config, "enable_fuzz");
  params->enable_short_term = json_object_get_boolean_member (config, "enable_short_term");
  steps = json_object_get_array_member (config, "learning_steps");
  params->n_learning_steps = json_array_get_length (steps);
  for (guint i = 0; i < params->n_learning_steps; i++)
    params->learning_steps[i] = json_array_get_int_element (steps, i);
  steps = json_object_get_array_member (config, "relearning_steps");
  params->n_relearning_steps = json_array_get_length (steps);
  for (guint i = 0; i < params->n_relearning_steps; i++)
    params->relearning_steps[i] = json_array_get_int_element (steps, i);
  osl_fsrs_params_update (params);
}

static void
assert_close (double      actual,
              double      expected,
              const char *what,
              guint       case_index,
              guint       step)
{
  if (fabs (actual - expected) > 1e-6 * MAX (1.0, fabs (expected)))
    g_error ("case %u review %u: %s is %.10g, the reference says %.10g",
             case_index, step, what, actual, expected);
}

static void
assert_same (gint64      actual,
             gint64      expected,
             const char *what,
             guint       case_index,
             guint       step)
{
  if (actual != expected)
    g_error ("case %u review %u: %s is %" G_GINT64_FORMAT ", the reference says %" G_GINT64_FORMAT,
             case_index, step, what, actual, expected);
}

static void
check_step (const OslFsrsParams *params,
            OslFsrsCard         *card,
            JsonObject          *step,
            guint                case_index,
            guint                step_index)
{
  gint64 now = json_object_get_int_member (step, "time");
  OslFsrsGrade grade = json_object_get_int_member (step, "grade");
  JsonArray *outcomes = json_object_get_array_member (step, "outcomes");
  OslFsrsPreview preview;
  OslFsrsCard next;

  assert_close (osl_fsrs_get_retrievability (params, card, now),
                json_object_get_double_member (step, "retrievability"),
                "retrievability", case_index, step_index);
  osl_fsrs_preview (params, card, now, &preview);
  for (guint g = 1; g <= 4; g++)
    {
      JsonArray *outcome = json_array_get_array_element (outcomes, g - 1);

      assert_same (preview.outcome[g].due - now, json_array_get_int_element (outcome, 0),
                   "a previewed delay", case_index, step_index);
      assert_same (preview.outcome[g].state, json_array_get_int_element (outcome, 1),
                   "a previewed state", case_index, step_index);
      assert_same (preview.outcome[g].scheduled_days, json_array_get_int_element (outcome, 2),
                   "a previewed interval", case_index, step_index);
    }
  osl_fsrs_next (params, card, now, grade, &next);
  assert_same (next.state, json_object_get_int_member (step, "state"), "state", case_index, step_index);
  assert_close (next.stability, json_object_get_double_member (step, "stability"),
                "stability", case_index, step_index);
  assert_close (next.difficulty, json_object_get_double_member (step, "difficulty"),
                "difficulty", case_index, step_index);
  assert_same (next.due, json_object_get_int_member (step, "due"), "due", case_index, step_index);
  assert_same (next.elapsed_days, json_object_get_int_member (step, "elapsed_days"),
               "elapsed days", case_index, step_index);
  assert_same (next.scheduled_days, json_object_get_int_member (step, "scheduled_days"),
               "scheduled days", case_index, step_index);
  assert_same (next.learning_steps, json_object_get_int_member (step, "learning_steps"),
               "learning step", case_index, step_index);
  assert_same (next.reps, json_object_get_int_member (step, "reps"), "reps", case_index, step_index);
  assert_same (next.lapses, json_object_get_int_member (step, "lapses"), "lapses", case_index, step_index);
  *card = next;
}

static void
test_reference_vectors (gconstpointer data)
{
  const char *config_name = data;
  JsonObject *configs = json_object_get_object_member (vectors, "configs");
  JsonArray *cases = json_object_get_array_member (vectors, "cases");
  OslFsrsParams params;
  guint checked = 0;

  params_from_json (json_object_get_object_member (configs, config_name), &params);
  for (guint i = 0; i < json_array_get_length (cases); i++)
    {
      JsonObject *test_case = json_array_get_object_element (cases, i);
      JsonArray *steps = json_object_get_array_member (test_case, "steps");
      OslFsrsCard card;

      if (!g_str_equal (json_object_get_string_member (test_case, "config"), config_name))
        continue;
      osl_fsrs_card_init (&card, json_object_get_int_member (json_array_get_object_element (steps, 0), "time"));
      for (guint s = 0; s < json_array_get_length (steps); s++)
        check_step (&params, &card, json_array_get_object_element (steps, s), i, s);
      checked++;
    }
  g_assert_cmpuint (checked, >, 10);
}

/* Replaying a history computes every answer but a card's last one with
 * osl_fsrs_next_memory (): the memory it leaves must be exactly what
 * osl_fsrs_next () leaves, for every reference history. */
static void
test_memory_only_replay (void)
{
  JsonObject *configs = json_object_get_object_member (vectors, "configs");
  JsonArray *cases = json_object_get_array_member (vectors, "cases");

  for (guint i = 0; i < json_array_get_length (cases); i++)
    {
      JsonObject *test_case = json_array_get_object_element (cases, i);
      JsonArray *steps = json_object_get_array_member (test_case, "steps");
      const char *config = json_object_get_string_member (test_case, "config");
      OslFsrsParams params;
      OslFsrsCard full, memory;

      params_from_json (json_object_get_object_member (configs, config), &params);
      osl_fsrs_card_init (&full, json_object_get_int_member (json_array_get_object_element (steps, 0), "time"));
      memory = full;
      for (guint s = 0; s < json_array_get_length (steps); s++)
        {
          JsonObject *step = json_array_get_object_element (steps, s);
          gint64 now = json_object_get_int_member (step, "time");
          OslFsrsGrade grade = json_object_get_int_member (step, "grade");
          OslFsrsCard next_full, next_memory;

          osl_fsrs_next (&params, &full, now, grade, &next_full);
          osl_fsrs_next_memory (&params, &memory, now, grade, &next_memory);
          g_assert_cmpfloat (next_memory.stability, ==, next_full.stability);
          g_assert_cmpfloat (next_memory.difficulty, ==, next_full.difficulty);
          g_assert_cmpint (next_memory.state, ==, next_full.state);
          g_assert_cmpuint (next_memory.reps, ==, next_full.reps);
          g_assert_cmpuint (next_memory.lapses, ==, next_full.lapses);
          g_assert_cmpuint (next_memory.learning_steps, ==, next_full.learning_steps);
          g_assert_cmpint (next_memory.last_review, ==, next_full.last_review);
          full = next_full;
          memory = next_memory;
        }
    }
}

static guint64
parse_bits (const char *hex)
{
  return g_ascii_strtoull (hex, NULL, 16);
}

/* The fuzz seed holds D × S as JavaScript prints it; the vectors hold
 * what Node prints for products like FSRS's, powers of two and of ten
 * and their neighbours, subnormals, zeros and the non-finite values. */
static void
test_js_number (void)
{
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "data", "fsrs", "js-number.json", NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonObject) file = osl_json_file_load (path, "os-lens/js-number-vectors", 1, &error);
  JsonArray *numbers;

  g_assert_no_error (error);
  numbers = json_object_get_array_member (file, "numbers");
  g_assert_cmpuint (json_array_get_length (numbers), >, 1000);
  for (guint i = 0; i < json_array_get_length (numbers); i++)
    {
      JsonArray *pair = json_array_get_array_element (numbers, i);
      guint64 bits = parse_bits (json_array_get_string_element (pair, 0));
      const char *expected = json_array_get_string_element (pair, 1);
      char text[OSL_JS_NUMBER_BUFFER_SIZE];
      double value;
      gsize length;

      memcpy (&value, &bits, sizeof value);
      length = osl_js_number_format (value, text);
      g_assert_cmpstr (text, ==, expected);
      g_assert_cmpuint (length, ==, strlen (expected));
    }
}

/* Hand-checked against fsrs.md §4: a first Good gives S = w2 and
 * D = w4 − e^(2·w5) + 1; a first Easy clamps D to 1. */
static void
test_first_review_formulas (void)
{
  OslFsrsParams params;
  OslFsrsCard card, next;

  osl_fsrs_params_init (&params);
  g_assert_cmpfloat_with_epsilon (params.interval_modifier, 1.0, 1e-8);
  osl_fsrs_card_init (&card, 0);
  osl_fsrs_next (&params, &card, 0, OSL_FSRS_GOOD, &next);
  g_assert_cmpfloat_with_epsilon (next.stability, 2.3065, 1e-12);
  g_assert_cmpfloat_with_epsilon (next.difficulty, 6.4133 - exp (2 * 0.8334) + 1, 1e-8);
  g_assert_cmpint (next.state, ==, OSL_FSRS_LEARNING);
  g_assert_cmpint (next.due, ==, 10 * OSL_FSRS_MS_PER_MINUTE);
  osl_fsrs_next (&params, &card, 0, OSL_FSRS_EASY, &next);
  g_assert_cmpfloat (next.difficulty, ==, 1.0);
  g_assert_cmpint (next.state, ==, OSL_FSRS_REVIEW);
  g_assert_cmpuint (next.scheduled_days, ==, 8);
  /* R(S, S) = 0.9 by the definition of stability. */
  g_assert_cmpfloat_with_epsilon (osl_fsrs_forgetting_curve (&params, 5.5, 5.5), 0.9, 1e-8);
}

static void
test_rating_mapping (void)
{
  g_assert_cmpint (osl_fsrs_grade_from_rating (1), ==, OSL_FSRS_AGAIN);
  g_assert_cmpint (osl_fsrs_grade_from_rating (2), ==, OSL_FSRS_AGAIN);
  g_assert_cmpint (osl_fsrs_grade_from_rating (3), ==, OSL_FSRS_HARD);
  g_assert_cmpint (osl_fsrs_grade_from_rating (4), ==, OSL_FSRS_GOOD);
  g_assert_cmpint (osl_fsrs_grade_from_rating (5), ==, OSL_FSRS_EASY);
}

static void
test_retention_bounds (void)
{
  OslFsrsParams params;
  g_autoptr(GError) error = NULL;

  osl_fsrs_params_init (&params);
  g_assert_true (osl_fsrs_params_set_retention (&params, 0.8, NULL));
  g_assert_cmpfloat (params.interval_modifier, >, 2.0);
  g_assert_false (osl_fsrs_params_set_retention (&params, 1.5, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_ARGUMENT);
  g_assert_cmpfloat (params.request_retention, ==, 0.8);
}

int
main (int   argc,
      char *argv[])
{
  g_autofree char *path = NULL;
  g_autoptr(GError) error = NULL;
  JsonObjectIter iter;
  const char *name;

  g_test_init (&argc, &argv, NULL);
  path = g_test_build_filename (G_TEST_DIST, "data", "fsrs", "vectors.json", NULL);
  vectors = osl_json_file_load (path, "os-lens/fsrs-vectors", 1, &error);
  g_assert_no_error (error);

  g_test_add_func ("/fsrs/first-review", test_first_review_formulas);
  g_test_add_func ("/fsrs/rating-mapping", test_rating_mapping);
  g_test_add_func ("/fsrs/retention-bounds", test_retention_bounds);
  g_test_add_func ("/fsrs/memory-only-replay", test_memory_only_replay);
  g_test_add_func ("/fsrs/js-number", test_js_number);
  json_object_iter_init (&iter, json_object_get_object_member (vectors, "configs"));
  while (json_object_iter_next (&iter, &name, NULL))
    {
      g_autofree char *test_path = g_strdup_printf ("/fsrs/reference/%s", name);

      g_test_add_data_func (test_path, name, test_reference_vectors);
    }
  return g_test_run ();
}
