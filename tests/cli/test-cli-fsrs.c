/* test-cli-fsrs.c: `os-lens-cli fsrs` against the reference
 *
 * tests/data/fsrs/cli.json lists invocations and the lines the reference
 * implementation computes for them (see tests/data/fsrs/README.md).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <math.h>

#include "osl-json-file.h"

static JsonObject *
parse_line (const char *line)
{
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(GError) error = NULL;

  json_parser_load_from_data (parser, line, -1, &error);
  g_assert_no_error (error);
  g_assert_true (JSON_NODE_HOLDS_OBJECT (json_parser_get_root (parser)));
  return json_object_ref (json_node_get_object (json_parser_get_root (parser)));
}

static void
assert_line (JsonObject *actual,
             JsonObject *expected)
{
  JsonObjectIter iter;
  const char *name;
  JsonNode *node;

  g_assert_cmpuint (json_object_get_size (actual), ==, json_object_get_size (expected));
  json_object_iter_init (&iter, expected);
  while (json_object_iter_next (&iter, &name, &node))
    {
      g_assert_true (json_object_has_member (actual, name));
      if (json_node_get_value_type (node) == G_TYPE_STRING)
        g_assert_cmpstr (json_object_get_string_member (actual, name), ==, json_node_get_string (node));
      else if (g_str_equal (name, "stability") || g_str_equal (name, "difficulty") ||
               g_str_equal (name, "retrievability"))
        g_assert_cmpfloat_with_epsilon (json_object_get_double_member (actual, name),
                                        json_node_get_double (node), 1e-6);
      else
        g_assert_cmpint (json_object_get_int_member (actual, name), ==, json_node_get_int (node));
    }
}

static void
test_reference_invocations (void)
{
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "data", "fsrs", "cli.json", NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonObject) vectors = osl_json_file_load (path, "os-lens/fsrs-cli-vectors", 1, &error);
  JsonArray *invocations;

  g_assert_no_error (error);
  invocations = json_object_get_array_member (vectors, "invocations");
  for (guint i = 0; i < json_array_get_length (invocations); i++)
    {
      JsonObject *invocation = json_array_get_object_element (invocations, i);
      JsonArray *args = json_object_get_array_member (invocation, "args");
      JsonArray *lines = json_object_get_array_member (invocation, "lines");
      g_autoptr(GPtrArray) argv = g_ptr_array_new ();
      g_autofree char *out = NULL;
      g_auto(GStrv) out_lines = NULL;
      int status = 0;

      g_ptr_array_add (argv, (char *) g_getenv ("OS_LENS_CLI"));
      g_ptr_array_add (argv, "fsrs");
      for (guint a = 0; a < json_array_get_length (args); a++)
        g_ptr_array_add (argv, (char *) json_array_get_string_element (args, a));
      g_ptr_array_add (argv, NULL);
      g_spawn_sync (NULL, (char **) argv->pdata, NULL, G_SPAWN_DEFAULT, NULL, NULL,
                    &out, NULL, &status, &error);
      g_assert_no_error (error);
      g_assert_true (g_spawn_check_wait_status (status, NULL));
      out_lines = g_strsplit (g_strchomp (out), "\n", -1);
      g_assert_cmpuint (g_strv_length (out_lines), ==, json_array_get_length (lines));
      for (guint l = 0; out_lines[l] != NULL; l++)
        {
          g_autoptr(JsonObject) actual = parse_line (out_lines[l]);

          assert_line (actual, json_array_get_object_element (lines, l));
        }
    }
}

static void
assert_usage_error (const char * const *args,
                    const char         *expected)
{
  g_autoptr(GPtrArray) argv = g_ptr_array_new ();
  g_autofree char *err = NULL;
  g_autoptr(GError) error = NULL;
  int status = 0;

  g_ptr_array_add (argv, (char *) g_getenv ("OS_LENS_CLI"));
  g_ptr_array_add (argv, "fsrs");
  for (guint i = 0; args[i] != NULL; i++)
    g_ptr_array_add (argv, (char *) args[i]);
  g_ptr_array_add (argv, NULL);
  g_spawn_sync (NULL, (char **) argv->pdata, NULL, G_SPAWN_STDOUT_TO_DEV_NULL, NULL, NULL,
                NULL, &err, &status, &error);
  g_assert_no_error (error);
  g_assert_false (g_spawn_check_wait_status (status, NULL));
  g_assert_cmpstr (g_strchomp (err), ==, expected);
}

static void
test_bad_reviews (void)
{
  assert_usage_error ((const char *[]) { "6", NULL },
                      "os-lens-cli: “6” does not start with a rating from 1 to 5.");
  assert_usage_error ((const char *[]) { "--fsrs-grades", "5", NULL },
                      "os-lens-cli: “5” does not start with a rating from 1 to 4.");
  assert_usage_error ((const char *[]) { "4", "4", NULL },
                      "os-lens-cli: “4” needs the time since the previous review, e.g. 4@3d, 4@6h or 4@10m.");
  assert_usage_error ((const char *[]) { "4", "3@2w", NULL },
                      "os-lens-cli: “2w” is not a time since the previous review: write N or Nd for days, Nh for hours, Nm for minutes.");
  assert_usage_error ((const char *[]) { "--retention", "1.2", "4", NULL },
                      "os-lens-cli: A desired retention of 1.2 is outside 0.70–0.99: lower forgets too much, higher means a review almost every day.");
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);
  if (g_getenv ("OS_LENS_CLI") == NULL)
    {
      g_print ("1..0 # SKIP OS_LENS_CLI is not set\n");
      return 0;
    }
  g_test_add_func ("/cli/fsrs/reference", test_reference_invocations);
  g_test_add_func ("/cli/fsrs/bad-reviews", test_bad_reviews);
  return g_test_run ();
}
