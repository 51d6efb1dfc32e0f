/* fuzz-json-file.c: the shared file envelope and member checks
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <stdint.h>

#include "osl-json-file.h"

int LLVMFuzzerTestOneInput (const uint8_t *data, size_t size);

int
LLVMFuzzerTestOneInput (const uint8_t *data,
                        size_t         size)
{
  g_autoptr(JsonObject) object = NULL;
  g_autoptr(GError) error = NULL;
  gint64 number;
  double real;
  const char *text;
  gboolean flag;

  object = osl_json_file_parse ((const char *) data, size, "os-lens/test", 1, &error);
  if (object == NULL)
    {
      g_assert_nonnull (error);
      return 0;
    }
  osl_json_object_get_int_member_checked (object, "n", -5, 5, 0, &number, NULL);
  osl_json_object_get_double_member_checked (object, "x", 0, 1, 0, &real, NULL);
  osl_json_object_get_string_member_checked (object, "s", NULL, &text, NULL);
  osl_json_object_get_bool_member_checked (object, "b", FALSE, &flag, NULL);
  osl_json_object_get_array_member_checked (object, "a", 10, NULL);
  return 0;
}
