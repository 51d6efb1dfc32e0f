/* osl-cli.c: os-lens-cli, the simulations and diagrams without a display
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>
#include <locale.h>
#include <stdio.h>

#include "osl-cli-commands.h"

typedef struct
{
  const char        *name;
  OslCliCommandFunc  run;
  const char        *summary;
} Command;

static const Command commands[] = {
  { "render", osl_cli_render, N_("Draw a view to a PNG, SVG or PDF file") },
  { "bench", osl_cli_bench, N_("Measure drawing and simulation speed") },
  /* scheduling */
  { "sched", osl_cli_sched, N_("Run a scheduling scenario: trace and statistics") },
  /* ostep */
  { "ostep", osl_cli_ostep, N_("Run an OSTEP homework simulator (scheduler, mlfq, paging…)") },

  /* memory */
  { "translate", osl_cli_translate, N_("Walk the page tables of a memory file for an address") },
  /* containers */
  { "docker", osl_cli_docker, N_("Run docker commands on a simulated engine") },

  /* flashcards */
  { "fsrs", osl_cli_fsrs, N_("Replay one card's reviews through the FSRS scheduler") },
  { "review", osl_cli_review, N_("Review a flashcard deck in the terminal") },
};

/**
 * osl_cli_fail:
 *
 * Prints "os-lens-cli: MESSAGE" to stderr and returns @status, so that a
 * command can end with `return osl_cli_fail (1, …);`.
 */
int
osl_cli_fail (int         status,
              const char *format,
              ...)
{
  g_autofree char *message = NULL;
  va_list args;

  va_start (args, format);
  message = g_strdup_vprintf (format, args);
  va_end (args);
  g_printerr ("os-lens-cli: %s\n", message);
  return status;
}

static void
print_usage (FILE *out)
{
  fprintf (out, "%s\n\n%s\n",
           _("Usage: os-lens-cli COMMAND [OPTIONS…]"),
           _("Commands:"));
  for (guint i = 0; i < G_N_ELEMENTS (commands); i++)
    fprintf (out, "  %-12s %s\n", commands[i].name, _(commands[i].summary));
  fprintf (out, "\n%s\n", _("Run “os-lens-cli COMMAND --help” for the options of a command."));
}

static void
setup_i18n (void)
{
  const char *localedir = g_getenv ("OSL_LOCALEDIR");

  setlocale (LC_ALL, "");
  bindtextdomain (GETTEXT_PACKAGE, localedir != NULL ? localedir : LOCALEDIR);
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  textdomain (GETTEXT_PACKAGE);
}

int
main (int    argc,
      char **argv)
{
  setup_i18n ();

  if (argc < 2 || g_str_equal (argv[1], "--help") || g_str_equal (argv[1], "-h"))
    {
      print_usage (argc < 2 ? stderr : stdout);
      return argc < 2 ? 2 : 0;
    }
  if (g_str_equal (argv[1], "--version"))
    {
      printf ("os-lens-cli %s\n", PACKAGE_VERSION);
      return 0;
    }
  for (guint i = 0; i < G_N_ELEMENTS (commands); i++)
    if (g_str_equal (argv[1], commands[i].name))
      return commands[i].run (argc - 1, argv + 1);

  return osl_cli_fail (2, _("“%s” is not a command; “os-lens-cli --help” lists them."), argv[1]);
}
