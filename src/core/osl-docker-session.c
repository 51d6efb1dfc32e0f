/* osl-docker-session.c: a Docker terminal session saved as a file
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "osl-docker-cli.h"
#include "osl-docker-session.h"
#include "osl-json-file.h"

static GStrv
commands_from_object (JsonObject  *object,
                      GError     **error)
{
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
  g_autoptr(GError) local_error = NULL;
  JsonArray *array;

  array = osl_json_object_get_array_member_checked (object, "commands", OSL_DOCKER_SESSION_MAX_COMMANDS,
                                                    &local_error);
  if (array == NULL)
    {
      if (local_error != NULL)
        g_propagate_error (error, g_steal_pointer (&local_error));
      else
        g_set_error_literal (error, OSL_JSON_FILE_ERROR, OSL_JSON_FILE_ERROR_FIELD,
                             _("The session has no \"commands\" list; it needs one, such as [\"docker ps\"]."));
      return NULL;
    }
  for (guint i = 0; i < json_array_get_length (array); i++)
    {
      JsonNode *node = json_array_get_element (array, i);
      const char *line;

      if (!JSON_NODE_HOLDS_VALUE (node) || json_node_get_value_type (node) != G_TYPE_STRING)
        {
          g_set_error (error, OSL_JSON_FILE_ERROR, OSL_JSON_FILE_ERROR_FIELD,
                       _("Command %u of \"commands\" is not a string; each command is a line such as \"docker ps\"."),
                       i + 1);
          return NULL;
        }
      line = json_node_get_string (node);
      if (strlen (line) > OSL_DOCKER_CLI_MAX_LINE)
        {
          g_set_error (error, OSL_JSON_FILE_ERROR, OSL_JSON_FILE_ERROR_FIELD,
                       _("Command %u of \"commands\" is longer than %d characters."), i + 1,
                       OSL_DOCKER_CLI_MAX_LINE);
          return NULL;
        }
      g_strv_builder_add (builder, line);
    }
  return g_strv_builder_end (builder);
}

GStrv
osl_docker_session_parse (const char  *data,
                          gssize       length,
                          GError     **error)
{
  g_autoptr(JsonObject) object = osl_json_file_parse (data, length, OSL_DOCKER_SESSION_FORMAT, 1, error);

  return object != NULL ? commands_from_object (object, error) : NULL;
}

GStrv
osl_docker_session_load (const char  *path,
                         GError     **error)
{
  g_autoptr(JsonObject) object = osl_json_file_load (path, OSL_DOCKER_SESSION_FORMAT, 1, error);

  return object != NULL ? commands_from_object (object, error) : NULL;
}

gboolean
osl_docker_session_save (const char          *path,
                         const char * const  *commands,
                         GError             **error)
{
  g_autoptr(JsonObject) object = osl_json_file_new_object (OSL_DOCKER_SESSION_FORMAT, 1);
  JsonArray *array = json_array_new ();

  for (guint i = 0; commands != NULL && commands[i] != NULL; i++)
    json_array_add_string_element (array, commands[i]);
  json_object_set_array_member (object, "commands", array);
  return osl_json_file_save (path, object, error);
}
