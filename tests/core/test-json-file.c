/* test-json-file.c: the shared envelope, member checks and safe saving
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gstdio.h>

#include "osl-json-file.h"

static JsonObject *
parse (const char  *text,
       GError     **error)
{
  return osl_json_file_parse (text, -1, "os-lens/test", 1, error);
}

static void
test_envelope_accepts_matching_file (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonObject) object = parse ("{\"format\": \"os-lens/test\", \"version\": 1, \"x\": 2}", &error);

  g_assert_no_error (error);
  g_assert_nonnull (object);
  g_assert_cmpint (json_object_get_int_member (object, "x"), ==, 2);
}

static void
test_envelope_rejects_with_one_sentence (void)
{
  static const struct { const char *text; int code; const char *words; } cases[] = {
    { "[1, 2]", OSL_JSON_FILE_ERROR_SYNTAX, "one JSON object" },
    { "{\"format\": \"os-lens/test\", \"version\": 1", OSL_JSON_FILE_ERROR_SYNTAX, "not valid JSON" },
    { "{\"version\": 1}", OSL_JSON_FILE_ERROR_FORMAT, "no \"format\" field" },
    { "{\"format\": \"os-lens/memory\", \"version\": 1}", OSL_JSON_FILE_ERROR_FORMAT, "\"os-lens/memory\"" },
    { "{\"format\": 7, \"version\": 1}", OSL_JSON_FILE_ERROR_FIELD, "\"format\" must be a string" },
    { "{\"format\": \"os-lens/test\"}", OSL_JSON_FILE_ERROR_VERSION, "no \"version\"" },
    { "{\"format\": \"os-lens/test\", \"version\": 3}", OSL_JSON_FILE_ERROR_VERSION, "newer than this OS Lens" },
    { "{\"format\": \"os-lens/test\", \"version\": 0}", OSL_JSON_FILE_ERROR_FIELD, "between 1 and" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(JsonObject) object = parse (cases[i].text, &error);

      g_assert_null (object);
      g_assert_error (error, OSL_JSON_FILE_ERROR, cases[i].code);
      g_assert_nonnull (strstr (error->message, cases[i].words));
      /* One sentence: it ends with a full stop and has no line break. */
      g_assert_null (strchr (error->message, '\n'));
    }
}

static void
test_members_are_range_checked (void)
{
  g_autoptr(JsonObject) object = parse ("{\"format\": \"os-lens/test\", \"version\": 1, "
                                        "\"cpus\": 9, \"quantum\": 4, \"name\": 5, \"rate\": 0.5, "
                                        "\"list\": [1, 2, 3], \"on\": true}", NULL);
  g_autoptr(GError) error = NULL;
  gint64 number = 0;
  double real = 0;
  const char *text = NULL;
  gboolean flag = FALSE;

  g_assert_false (osl_json_object_get_int_member_checked (object, "cpus", 1, 8, 1, &number, &error));
  g_assert_error (error, OSL_JSON_FILE_ERROR, OSL_JSON_FILE_ERROR_FIELD);
  g_assert_cmpstr (error->message, ==, "The field \"cpus\" is 9, but it must lie between 1 and 8.");
  g_clear_error (&error);

  g_assert_true (osl_json_object_get_int_member_checked (object, "quantum", 1, 100, 1, &number, &error));
  g_assert_cmpint (number, ==, 4);
  g_assert_true (osl_json_object_get_int_member_checked (object, "absent", 1, 100, 7, &number, &error));
  g_assert_cmpint (number, ==, 7);

  g_assert_false (osl_json_object_get_string_member_checked (object, "name", NULL, &text, &error));
  g_assert_cmpstr (error->message, ==, "The field \"name\" must be a string in quotes.");
  g_clear_error (&error);

  g_assert_true (osl_json_object_get_double_member_checked (object, "rate", 0, 1, 0, &real, &error));
  g_assert_cmpfloat (real, ==, 0.5);
  g_assert_true (osl_json_object_get_double_member_checked (object, "quantum", 0, 10, 0, &real, &error));
  g_assert_cmpfloat (real, ==, 4.0);
  g_assert_true (osl_json_object_get_bool_member_checked (object, "on", FALSE, &flag, &error));
  g_assert_true (flag);

  g_assert_null (osl_json_object_get_array_member_checked (object, "list", 2, &error));
  g_assert_cmpstr (error->message, ==, "The list \"list\" has 3 items; OS Lens accepts at most 2.");
  g_clear_error (&error);
  g_assert_nonnull (osl_json_object_get_array_member_checked (object, "list", 3, &error));
  g_assert_null (osl_json_object_get_array_member_checked (object, "missing", 3, &error));
  g_assert_no_error (error);
}

static void
test_oversized_file_is_refused_before_parsing (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonObject) object = osl_json_file_parse ("{}", OSL_JSON_FILE_MAX_BYTES + 1,
                                                      "os-lens/test", 1, &error);

  g_assert_null (object);
  g_assert_error (error, OSL_JSON_FILE_ERROR, OSL_JSON_FILE_ERROR_TOO_LARGE);
}

static void
test_save_round_trip_and_keep_aside (void)
{
  g_autofree char *dir = g_dir_make_tmp ("osl-json-XXXXXX", NULL);
  g_autofree char *path = g_build_filename (dir, "scenario.json", NULL);
  g_autoptr(JsonObject) object = osl_json_file_new_object ("os-lens/test", 1);
  g_autoptr(JsonObject) loaded = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *aside = NULL;

  json_object_set_int_member (object, "answer", 42);
  g_assert_true (osl_json_file_save (path, object, &error));
  g_assert_no_error (error);
  loaded = osl_json_file_load (path, "os-lens/test", 1, &error);
  g_assert_no_error (error);
  g_assert_cmpint (json_object_get_int_member (loaded, "answer"), ==, 42);

  aside = osl_json_file_keep_aside (path, &error);
  g_assert_no_error (error);
  g_assert_true (g_str_has_prefix (aside, path));
  g_assert_nonnull (strstr (aside, ".broken-"));
  g_assert_false (g_file_test (path, G_FILE_TEST_EXISTS));
  g_assert_true (g_file_test (aside, G_FILE_TEST_EXISTS));

  g_unlink (aside);
  g_rmdir (dir);
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/json-file/envelope/accepts", test_envelope_accepts_matching_file);
  g_test_add_func ("/json-file/envelope/rejects", test_envelope_rejects_with_one_sentence);
  g_test_add_func ("/json-file/members", test_members_are_range_checked);
  g_test_add_func ("/json-file/too-large", test_oversized_file_is_refused_before_parsing);
  g_test_add_func ("/json-file/save-and-keep-aside", test_save_round_trip_and_keep_aside);
  return g_test_run ();
}
