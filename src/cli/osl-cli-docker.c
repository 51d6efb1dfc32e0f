/* osl-cli-docker.c: os-lens-cli docker, a Docker session without a display
 *
 *   os-lens-cli docker 'docker run -d --name web httpd' 'docker ps'
 *
 * runs the lines one after another on a fresh simulated engine and prints
 * what Docker would print: standard output to stdout, errors to stderr.
 * With no lines it reads them from standard input, one per line.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>
#include <stdio.h>

#include "osl-cli-commands.h"
#include "osl-docker-cli.h"
#include "osl-docker-session.h"

static int
run_one (OslDockerEngine *engine,
         const char      *line,
         gboolean         echo,
         gboolean         explain)
{
  g_autoptr(GString) out = g_string_new (NULL);
  g_autoptr(GString) err = g_string_new (NULL);
  g_autoptr(GString) notes = g_string_new (NULL);
  int status;

  status = osl_docker_cli_run_line (engine, line, out, err, notes);
  if (echo)
    printf ("$ %s\n", line);
  /* Errors first: in a run they are the pull progress, which comes first. */
  fflush (stdout);
  fputs (err->str, stderr);
  fflush (stderr);
  fputs (out->str, stdout);
  fflush (stdout);
  if (explain && notes->len > 0)
    {
      g_auto(GStrv) lines = g_strsplit (g_strchomp (notes->str), "\n", -1);
      for (guint i = 0; lines[i] != NULL; i++)
        printf ("# %s\n", lines[i]);
    }
  return status;
}

static GStrv
read_stdin_lines (void)
{
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
  char buffer[OSL_DOCKER_CLI_MAX_LINE + 2];

  while (fgets (buffer, sizeof buffer, stdin) != NULL)
    {
      g_strchomp (buffer);
      if (buffer[0] != '\0' && buffer[0] != '#')
        g_strv_builder_add (builder, buffer);
    }
  return g_strv_builder_end (builder);
}

int
osl_cli_docker (int    argc,
                char **argv)
{
  g_autoptr(GOptionContext) context = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(OslDockerEngine) engine = osl_docker_engine_new ();
  g_auto(GStrv) lines = NULL;
  g_autofree char *session = NULL, *save = NULL;
  gboolean echo = FALSE, explain = FALSE;
  int status = 0;
  GOptionEntry entries[] = {
    { "session", 0, 0, G_OPTION_ARG_FILENAME, &session, N_("Replay the commands of a saved session first"), N_("FILE") },
    { "save", 0, 0, G_OPTION_ARG_FILENAME, &save, N_("Save all commands as a session file"), N_("FILE") },
    { "echo", 0, 0, G_OPTION_ARG_NONE, &echo, N_("Print each command before its output"), NULL },
    { "explain", 0, 0, G_OPTION_ARG_NONE, &explain, N_("Also print the app's explanations, as “# …” lines"), NULL },
    { NULL }
  };
  g_autoptr(GStrvBuilder) all = g_strv_builder_new ();
  g_auto(GStrv) replayed = NULL;

  context = g_option_context_new (_("['docker COMMAND …' …]"));
  g_option_context_set_summary (context, _("Run docker commands on a simulated engine and print what Docker "
                                           "would print. Without commands, read them from standard input."));
  g_option_context_add_main_entries (context, entries, GETTEXT_PACKAGE);
  if (!g_option_context_parse (context, &argc, &argv, &error))
    return osl_cli_fail (2, "%s", error->message);

  if (session != NULL)
    {
      replayed = osl_docker_session_load (session, &error);
      if (replayed == NULL)
        return osl_cli_fail (1, "%s: %s", session, error->message);
      for (guint i = 0; replayed[i] != NULL; i++)
        {
          status = run_one (engine, replayed[i], echo, explain);
          g_strv_builder_add (all, replayed[i]);
        }
    }
  lines = argc > 1 ? g_strdupv (argv + 1) : (session == NULL ? read_stdin_lines () : g_new0 (char *, 1));
  for (guint i = 0; lines[i] != NULL; i++)
    {
      status = run_one (engine, lines[i], echo, explain);
      g_strv_builder_add (all, lines[i]);
    }
  if (save != NULL)
    {
      g_auto(GStrv) commands = g_strv_builder_end (all);
      if (!osl_docker_session_save (save, (const char * const *) commands, &error))
        return osl_cli_fail (1, "%s", error->message);
    }
  return status;
}
