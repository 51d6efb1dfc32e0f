/* osl-json-file.c: the envelope every OS Lens JSON file shares
 *
 * Every file the app reads or writes is a JSON object that starts with
 * "format" and "version". This file checks that envelope, reads members
 * with range checks that explain themselves, and writes files atomically.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>
#include <math.h>

#include "osl-json-file.h"

G_DEFINE_QUARK (osl-json-file-error-quark, osl_json_file_error)

static gboolean
check_envelope (JsonObject  *object,
                const char  *format,
                guint        max_version,
                GError     **error)
{
  const char *found_format = NULL;
  gint64 version = 0;

  if (!osl_json_object_get_string_member_checked (object, "format", NULL, &found_format, error))
    return FALSE;
  if (found_format == NULL)
    {
      g_set_error (error, OSL_JSON_FILE_ERROR, OSL_JSON_FILE_ERROR_FORMAT,
                   _("The file has no \"format\" field; an OS Lens file says \"format\": \"%s\"."),
                   format);
      return FALSE;
    }
  if (g_strcmp0 (found_format, format) != 0)
    {
      g_set_error (error, OSL_JSON_FILE_ERROR, OSL_JSON_FILE_ERROR_FORMAT,
                   _("The file is in format \"%s\", but \"%s\" was expected."),
                   found_format, format);
      return FALSE;
    }
  if (!osl_json_object_get_int_member_checked (object, "version", 1, G_MAXINT32, 0, &version, error))
    return FALSE;
  if (version == 0)
    {
      g_set_error (error, OSL_JSON_FILE_ERROR, OSL_JSON_FILE_ERROR_VERSION,
                   _("The file has no \"version\" field."));
      return FALSE;
    }
  if (version > max_version)
    {
      g_set_error (error, OSL_JSON_FILE_ERROR, OSL_JSON_FILE_ERROR_VERSION,
                   _("The file is version %lld, newer than this OS Lens reads (up to %u); please update OS Lens."),
                   (long long) version, max_version);
      return FALSE;
    }
  return TRUE;
}

/**
 * osl_json_file_parse:
 * @data: the file's bytes
 * @length: their length, or -1 when @data is nul-terminated
 * @format: the expected "format" value, e.g. "os-lens/scheduling"
 * @max_version: the highest "version" this build understands
 *
 * Returns: (transfer full): the top-level object, or %NULL with @error set
 * to one sentence that names the line and column or the field.
 */
JsonObject *
osl_json_file_parse (const char  *data,
                     gssize       length,
                     const char  *format,
                     guint        max_version,
                     GError     **error)
{
  g_autoptr(JsonParser) parser = json_parser_new_immutable ();
  g_autoptr(GError) local_error = NULL;
  JsonNode *root;

  if (length < 0)
    length = strlen (data);
  if (length > OSL_JSON_FILE_MAX_BYTES)
    {
      g_set_error (error, OSL_JSON_FILE_ERROR, OSL_JSON_FILE_ERROR_TOO_LARGE,
                   _("The file is %lld bytes long; OS Lens reads files of up to %d MiB."),
                   (long long) length, OSL_JSON_FILE_MAX_BYTES / (1024 * 1024));
      return NULL;
    }
  if (!json_parser_load_from_data (parser, data, length, &local_error))
    {
      g_set_error (error, OSL_JSON_FILE_ERROR, OSL_JSON_FILE_ERROR_SYNTAX,
                   _("The file is not valid JSON: %s"), local_error->message);
      return NULL;
    }
  root = json_parser_get_root (parser);
  if (root == NULL || !JSON_NODE_HOLDS_OBJECT (root))
    {
      g_set_error (error, OSL_JSON_FILE_ERROR, OSL_JSON_FILE_ERROR_SYNTAX,
                   _("The file must hold one JSON object { … } at the top level."));
      return NULL;
    }
  if (!check_envelope (json_node_get_object (root), format, max_version, error))
    return NULL;
  return json_object_ref (json_node_get_object (root));
}

JsonObject *
osl_json_file_load (const char  *path,
                    const char  *format,
                    guint        max_version,
                    GError     **error)
{
  g_autofree char *data = NULL;
  gsize length = 0;

  g_return_val_if_fail (path != NULL, NULL);

  if (!g_file_get_contents (path, &data, &length, error))
    return NULL;
  return osl_json_file_parse (data, length, format, max_version, error);
}

JsonObject *
osl_json_file_new_object (const char *format,
                          guint       version)
{
  JsonObject *object = json_object_new ();

  json_object_set_string_member (object, "format", format);
  json_object_set_int_member (object, "version", version);
  return object;
}

char *
osl_json_file_to_data (JsonObject *object,
                       gsize      *length)
{
  g_autoptr(JsonGenerator) generator = json_generator_new ();
  g_autoptr(JsonNode) root = json_node_new (JSON_NODE_OBJECT);
  g_autofree char *data = NULL;
  char *text;

  json_node_set_object (root, object);
  json_generator_set_root (generator, root);
  json_generator_set_pretty (generator, TRUE);
  json_generator_set_indent (generator, 2);
  data = json_generator_to_data (generator, NULL);
  /* A trailing newline keeps the file friendly to diff and cat. */
  text = g_strconcat (data, "\n", NULL);
  if (length != NULL)
    *length = strlen (text);
  return text;
}

/**
 * osl_json_file_save:
 *
 * Writes @object atomically and durably: a crash leaves either the old
 * file or the new one, never a mixture.
 */
gboolean
osl_json_file_save (const char  *path,
                    JsonObject  *object,
                    GError     **error)
{
  g_autofree char *data = NULL;
  gsize length = 0;

  data = osl_json_file_to_data (object, &length);
  return g_file_set_contents_full (path, data, length,
                                   G_FILE_SET_CONTENTS_CONSISTENT | G_FILE_SET_CONTENTS_DURABLE,
                                   0644, error);
}

/**
 * osl_json_file_keep_aside:
 *
 * Renames a file that could not be read to "NAME.broken-YYYYMMDD-HHMMSS"
 * so that nothing the user had is overwritten by a fresh start.
 *
 * Returns: (transfer full): the new path, or %NULL with @error set
 */
char *
osl_json_file_keep_aside (const char  *path,
                          GError     **error)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_utc ();
  g_autofree char *stamp = g_date_time_format (now, "%Y%m%d-%H%M%S");
  g_autofree char *aside = g_strdup_printf ("%s.broken-%s", path, stamp);
  g_autoptr(GFile) from = g_file_new_for_path (path);
  g_autoptr(GFile) to = NULL;
  guint attempt = 1;

  while (g_file_test (aside, G_FILE_TEST_EXISTS))
    {
      g_free (aside);
      aside = g_strdup_printf ("%s.broken-%s-%u", path, stamp, ++attempt);
    }
  to = g_file_new_for_path (aside);
  if (!g_file_move (from, to, G_FILE_COPY_NONE, NULL, NULL, NULL, error))
    return NULL;
  return g_steal_pointer (&aside);
}

static gboolean
member_has_type (JsonObject  *object,
                 const char  *member,
                 GType        type,
                 const char  *type_words,
                 GError     **error)
{
  JsonNode *node = json_object_get_member (object, member);

  if (JSON_NODE_HOLDS_VALUE (node) && json_node_get_value_type (node) == type)
    return TRUE;
  if (type == G_TYPE_DOUBLE && JSON_NODE_HOLDS_VALUE (node) &&
      json_node_get_value_type (node) == G_TYPE_INT64)
    return TRUE;
  g_set_error (error, OSL_JSON_FILE_ERROR, OSL_JSON_FILE_ERROR_FIELD,
               _("The field \"%s\" must be %s."), member, type_words);
  return FALSE;
}

/**
 * osl_json_object_get_int_member_checked:
 * @fallback: the value when @member is absent
 *
 * Reads a whole number and checks that it lies in [@min, @max]; the error
 * names the field, the value and the range.
 */
gboolean
osl_json_object_get_int_member_checked (JsonObject  *object,
                                        const char  *member,
                                        gint64       min,
                                        gint64       max,
                                        gint64       fallback,
                                        gint64      *out,
                                        GError     **error)
{
  gint64 value;

  if (!json_object_has_member (object, member))
    {
      *out = fallback;
      return TRUE;
    }
  if (!member_has_type (object, member, G_TYPE_INT64, _("a whole number"), error))
    return FALSE;
  value = json_object_get_int_member (object, member);
  if (value < min || value > max)
    {
      g_set_error (error, OSL_JSON_FILE_ERROR, OSL_JSON_FILE_ERROR_FIELD,
                   _("The field \"%s\" is %lld, but it must lie between %lld and %lld."),
                   member, (long long) value, (long long) min, (long long) max);
      return FALSE;
    }
  *out = value;
  return TRUE;
}

gboolean
osl_json_object_get_double_member_checked (JsonObject  *object,
                                           const char  *member,
                                           double       min,
                                           double       max,
                                           double       fallback,
                                           double      *out,
                                           GError     **error)
{
  double value;

  if (!json_object_has_member (object, member))
    {
      *out = fallback;
      return TRUE;
    }
  if (!member_has_type (object, member, G_TYPE_DOUBLE, _("a number"), error))
    return FALSE;
  value = json_object_get_double_member (object, member);
  if (!isfinite (value) || value < min || value > max)
    {
      g_set_error (error, OSL_JSON_FILE_ERROR, OSL_JSON_FILE_ERROR_FIELD,
                   _("The field \"%s\" is %g, but it must lie between %g and %g."),
                   member, value, min, max);
      return FALSE;
    }
  *out = value;
  return TRUE;
}

gboolean
osl_json_object_get_bool_member_checked (JsonObject  *object,
                                         const char  *member,
                                         gboolean     fallback,
                                         gboolean    *out,
                                         GError     **error)
{
  if (!json_object_has_member (object, member))
    {
      *out = fallback;
      return TRUE;
    }
  if (!member_has_type (object, member, G_TYPE_BOOLEAN, _("true or false"), error))
    return FALSE;
  *out = json_object_get_boolean_member (object, member);
  return TRUE;
}

gboolean
osl_json_object_get_string_member_checked (JsonObject   *object,
                                           const char   *member,
                                           const char   *fallback,
                                           const char  **out,
                                           GError      **error)
{
  if (!json_object_has_member (object, member))
    {
      *out = fallback;
      return TRUE;
    }
  if (!member_has_type (object, member, G_TYPE_STRING, _("a string in quotes"), error))
    return FALSE;
  *out = json_object_get_string_member (object, member);
  return TRUE;
}

/**
 * osl_json_object_get_array_member_checked:
 *
 * Returns: (transfer none) (nullable): the array, or %NULL when it is
 * absent (@error unset) or wrong (@error set).
 */
JsonArray *
osl_json_object_get_array_member_checked (JsonObject  *object,
                                          const char  *member,
                                          guint        max_length,
                                          GError     **error)
{
  JsonNode *node;
  JsonArray *array;

  if (!json_object_has_member (object, member))
    return NULL;
  node = json_object_get_member (object, member);
  if (!JSON_NODE_HOLDS_ARRAY (node))
    {
      g_set_error (error, OSL_JSON_FILE_ERROR, OSL_JSON_FILE_ERROR_FIELD,
                   _("The field \"%s\" must be a list [ … ]."), member);
      return NULL;
    }
  array = json_node_get_array (node);
  if (json_array_get_length (array) > max_length)
    {
      g_set_error (error, OSL_JSON_FILE_ERROR, OSL_JSON_FILE_ERROR_FIELD,
                   _("The list \"%s\" has %u items; OS Lens accepts at most %u."),
                   member, json_array_get_length (array), max_length);
      return NULL;
    }
  return array;
}
