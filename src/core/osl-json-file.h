/* osl-json-file.h: the envelope every OS Lens JSON file shares
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <json-glib/json-glib.h>

G_BEGIN_DECLS

#define OSL_JSON_FILE_ERROR (osl_json_file_error_quark ())

typedef enum
{
  OSL_JSON_FILE_ERROR_SYNTAX,
  OSL_JSON_FILE_ERROR_FORMAT,
  OSL_JSON_FILE_ERROR_VERSION,
  OSL_JSON_FILE_ERROR_FIELD,
  OSL_JSON_FILE_ERROR_TOO_LARGE,
} OslJsonFileError;

/* Larger files are refused before parsing: every file OS Lens writes is
 * far smaller, and a runaway file must not freeze the app. */
#define OSL_JSON_FILE_MAX_BYTES (64 * 1024 * 1024)

GQuark      osl_json_file_error_quark        (void);
JsonObject *osl_json_file_parse              (const char   *data,
                                              gssize        length,
                                              const char   *format,
                                              guint         max_version,
                                              GError      **error);
JsonObject *osl_json_file_load               (const char   *path,
                                              const char   *format,
                                              guint         max_version,
                                              GError      **error);
JsonObject *osl_json_file_new_object         (const char   *format,
                                              guint         version);
char       *osl_json_file_to_data            (JsonObject   *object,
                                              gsize        *length);
gboolean    osl_json_file_save               (const char   *path,
                                              JsonObject   *object,
                                              GError      **error);
char       *osl_json_file_keep_aside         (const char   *path,
                                              GError      **error);

gboolean    osl_json_object_get_int_member_checked    (JsonObject   *object,
                                                       const char   *member,
                                                       gint64        min,
                                                       gint64        max,
                                                       gint64        fallback,
                                                       gint64       *out,
                                                       GError      **error);
gboolean    osl_json_object_get_double_member_checked (JsonObject   *object,
                                                       const char   *member,
                                                       double        min,
                                                       double        max,
                                                       double        fallback,
                                                       double       *out,
                                                       GError      **error);
gboolean    osl_json_object_get_bool_member_checked   (JsonObject   *object,
                                                       const char   *member,
                                                       gboolean      fallback,
                                                       gboolean     *out,
                                                       GError      **error);
gboolean    osl_json_object_get_string_member_checked (JsonObject   *object,
                                                       const char   *member,
                                                       const char   *fallback,
                                                       const char  **out,
                                                       GError      **error);
JsonArray  *osl_json_object_get_array_member_checked  (JsonObject   *object,
                                                       const char   *member,
                                                       guint         max_length,
                                                       GError      **error);

G_END_DECLS
