/* osl-ostep-options.c: the command lines of the OSTEP homework simulators
 *
 * The simulators parse their options with Python's optparse, and students
 * type whatever optparse accepts: "-s 010" (octal, so seed 8), "-s0x1f",
 * "--see 5" (a unique prefix of --seed), "-cp" (two flags), "-s -5" (a
 * value may start with '-'), and stray words, which are ignored. This file
 * accepts the same and refuses the same, with optparse's own messages, so
 * that `os-lens-cli ostep …` behaves like the script it replaces.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "osl-ostep-options.h"
#include "osl-py-format.h"

G_DEFINE_QUARK (osl-ostep-error-quark, osl_ostep_error)

static gboolean G_GNUC_PRINTF (2, 3)
usage_error (GError    **error,
             const char *format,
             ...)
{
  va_list args;

  va_start (args, format);
  g_propagate_error (error, g_error_new_valist (OSL_OSTEP_ERROR, OSL_OSTEP_ERROR_USAGE, format, args));
  va_end (args);
  return FALSE;
}

/**
 * osl_ostep_options_explain_refusal:
 * @error: an error from a parser, or %NULL
 * @program: the script, e.g. "scheduler.py"
 *
 * The scripts' own usage errors ("no such option: -Z") are what the
 * command line must print, but pasted into the app they lack a subject:
 * this names the script that refuses the command line.
 */
void
osl_ostep_options_explain_refusal (GError     **error,
                                   const char  *program)
{
  if (error == NULL || !g_error_matches (*error, OSL_OSTEP_ERROR, OSL_OSTEP_ERROR_USAGE))
    return;
  g_prefix_error (error, _("%s refuses this command line: "), program);
}

/* optparse's int type: "0x" hexadecimal, "0b" binary, a leading "0"
 * octal, decimal otherwise; the prefix test looks at the raw text. */
static gboolean
parse_int_value (const char *option_name,
                 const char *text,
                 gint64     *value,
                 GError    **error)
{
  g_autoptr(GString) quoted = g_string_new (NULL);
  gboolean ok;

  if (g_ascii_strncasecmp (text, "0x", 2) == 0)
    ok = osl_py_parse_int (text, 16, value);
  else if (g_ascii_strncasecmp (text, "0b", 2) == 0)
    ok = osl_py_parse_int (text[2] != '\0' ? text + 2 : "0", 2, value);
  else if (text[0] == '0')
    ok = osl_py_parse_int (text, 8, value);
  else
    ok = osl_py_parse_int (text, 10, value);
  if (ok)
    return TRUE;

  osl_py_append_str_repr (quoted, text);
  return usage_error (error, "option %s: invalid integer value: %s", option_name, quoted->str);
}

static gboolean
store_value (const OslOstepOption *option,
             const char           *option_name,
             const char           *text,
             GError              **error)
{
  switch (option->kind)
    {
    case OSL_OSTEP_OPTION_FLAG:
      *(gboolean *) option->value = TRUE;
      return TRUE;
    case OSL_OSTEP_OPTION_INT:
      return parse_int_value (option_name, text, option->value, error);
    case OSL_OSTEP_OPTION_STRING:
      *(const char **) option->value = text;
      return TRUE;
    default:
      g_assert_not_reached ();
    }
}

static int
compare_strings (gconstpointer a,
                 gconstpointer b)
{
  return strcmp (*(const char * const *) a, *(const char * const *) b);
}

/* Index of the long option that @name (without "--") names exactly or
 * abbreviates uniquely; the index @n_options stands for --help, which
 * optparse adds to every script. */
static gboolean
match_long_option (const OslOstepOption *options,
                   guint                 n_options,
                   const char           *name,
                   guint                *index,
                   GError              **error)
{
  g_autoptr(GPtrArray) matches = g_ptr_array_new_with_free_func (g_free);
  gsize length = strlen (name);
  guint match = 0;

  for (guint i = 0; i <= n_options; i++)
    {
      const char *long_name = i < n_options ? options[i].long_name : "help";

      if (long_name == NULL)
        continue;
      if (strcmp (long_name, name) == 0)
        {
          *index = i;
          return TRUE;
        }
      if (strncmp (long_name, name, length) == 0)
        {
          g_ptr_array_add (matches, g_strconcat ("--", long_name, NULL));
          match = i;
        }
    }
  if (matches->len == 1)
    {
      *index = match;
      return TRUE;
    }
  if (matches->len == 0)
    return usage_error (error, "no such option: --%s", name);

  g_ptr_array_sort (matches, compare_strings);
  g_ptr_array_add (matches, NULL);
  {
    g_autofree char *list = g_strjoinv (", ", (char **) matches->pdata);
    return usage_error (error, "ambiguous option: --%s (%s?)", name, list);
  }
}

static gboolean
help_requested (GError **error)
{
  g_set_error_literal (error, OSL_OSTEP_ERROR, OSL_OSTEP_ERROR_HELP, "help requested");
  return FALSE;
}

static gboolean
parse_long_option (const OslOstepOption *options,
                   guint                 n_options,
                   char                **argv,
                   int                   argc,
                   int                  *i,
                   GError              **error)
{
  const char *arg = argv[*i] + 2, *equals = strchr (arg, '=');
  g_autofree char *name = equals != NULL ? g_strndup (arg, equals - arg) : g_strdup (arg);
  g_autofree char *option_name = NULL;
  const OslOstepOption *option;
  guint index = 0;

  if (!match_long_option (options, n_options, name, &index, error))
    return FALSE;
  option = index < n_options ? &options[index] : NULL;
  option_name = g_strconcat ("--", option != NULL ? option->long_name : "help", NULL);

  if (option == NULL || option->kind == OSL_OSTEP_OPTION_FLAG)
    {
      if (equals != NULL)
        return usage_error (error, "%s option does not take a value", option_name);
      return option == NULL ? help_requested (error) : store_value (option, option_name, NULL, error);
    }
  if (equals != NULL)
    return store_value (option, option_name, equals + 1, error);
  if (*i + 1 >= argc)
    return usage_error (error, "%s option requires 1 argument", option_name);
  *i += 1;
  return store_value (option, option_name, argv[*i], error);
}

/* "-cs5": flags, then an option that takes the rest of the word (or the
 * next word) as its value. */
static gboolean
parse_short_options (const OslOstepOption *options,
                     guint                 n_options,
                     char                **argv,
                     int                   argc,
                     int                  *i,
                     GError              **error)
{
  const char *arg = argv[*i];

  for (const char *p = arg + 1; *p != '\0'; p++)
    {
      const OslOstepOption *option = NULL;
      char option_name[3] = { '-', *p, '\0' };

      for (guint k = 0; k < n_options && option == NULL; k++)
        if (options[k].short_name == *p)
          option = &options[k];
      if (option == NULL && *p == 'h')
        return help_requested (error);
      if (option == NULL)
        {
          /* optparse names the byte, even the first byte of a UTF-8 character */
          g_autofree char *shown = g_utf8_validate (p, -1, NULL) ? g_utf8_substring (p, 0, 1) : g_strndup (p, 1);
          return usage_error (error, "no such option: -%s", shown);
        }
      if (option->kind == OSL_OSTEP_OPTION_FLAG)
        {
          store_value (option, option_name, NULL, error);
          continue;
        }
      if (p[1] != '\0')
        return store_value (option, option_name, p + 1, error);
      if (*i + 1 >= argc)
        return usage_error (error, "%s option requires 1 argument", option_name);
      *i += 1;
      return store_value (option, option_name, argv[*i], error);
    }
  return TRUE;
}

/**
 * osl_ostep_options_parse:
 * @argv: argv[0] is the script's name and is skipped
 *
 * Parses the way Python's optparse does and stores each value through its
 * option's pointer; words that are not options are ignored, as the
 * simulators ignore them. Fails with %OSL_OSTEP_ERROR_USAGE and optparse's
 * message ("no such option: -z"), or %OSL_OSTEP_ERROR_HELP for -h.
 */
gboolean
osl_ostep_options_parse (const OslOstepOption *options,
                         guint                 n_options,
                         int                   argc,
                         char                **argv,
                         GError              **error)
{
  for (int i = 1; i < argc; i++)
    {
      const char *arg = argv[i];
      gboolean ok = TRUE;

      if (strcmp (arg, "--") == 0)
        break;
      if (g_str_has_prefix (arg, "--"))
        ok = parse_long_option (options, n_options, argv, argc, &i, error);
      else if (arg[0] == '-' && arg[1] != '\0')
        ok = parse_short_options (options, n_options, argv, argc, &i, error);
      if (!ok)
        return FALSE;
    }
  return TRUE;
}

/* What optparse prints on stderr before exiting with status 2. */
void
osl_ostep_options_append_usage_error (GString    *err,
                                      const char *program,
                                      const char *message)
{
  g_string_append_printf (err, "Usage: %s [options]\n\n%s: error: %s\n", program, program, message);
}

static char *
option_signature (const OslOstepOption *option)
{
  GString *text = g_string_new (NULL);

  if (option->short_name != '\0')
    {
      g_string_append_printf (text, "-%c", option->short_name);
      if (option->kind != OSL_OSTEP_OPTION_FLAG)
        g_string_append_printf (text, " %s", option->metavar);
    }
  if (option->long_name != NULL)
    {
      g_string_append_printf (text, "%s--%s", text->len > 0 ? ", " : "", option->long_name);
      if (option->kind != OSL_OSTEP_OPTION_FLAG)
        g_string_append_printf (text, "=%s", option->metavar);
    }
  return g_string_free (text, FALSE);
}

/* A help text laid out like optparse's; its exact wrapping differs. */
void
osl_ostep_options_append_help (GString              *out,
                               const char           *program,
                               const OslOstepOption *options,
                               guint                 n_options)
{
  g_string_append_printf (out, "Usage: %s [options]\n\nOptions:\n", program);
  g_string_append_printf (out, "  %-22s%s\n", "-h, --help", "show this help message and exit");
  for (guint i = 0; i < n_options; i++)
    {
      g_autofree char *signature = option_signature (&options[i]);

      if (strlen (signature) > 22)
        g_string_append_printf (out, "  %s\n  %-22s%s\n", signature, "", options[i].help);
      else
        g_string_append_printf (out, "  %-22s%s\n", signature, options[i].help);
    }
}

/* The exit status of the script for an error of this domain. */
int
osl_ostep_exit_status (const GError *error)
{
  if (error == NULL || g_error_matches (error, OSL_OSTEP_ERROR, OSL_OSTEP_ERROR_HELP))
    return 0;
  if (g_error_matches (error, OSL_OSTEP_ERROR, OSL_OSTEP_ERROR_USAGE))
    return 2;
  return 1;
}

/**
 * osl_ostep_report_error:
 *
 * Writes what the script writes for @error, after the output it already
 * printed: the help text, optparse's usage message, or the message on
 * stderr. A %OSL_OSTEP_ERROR_REFUSED message is already part of the
 * output; Python's traceback becomes one sentence.
 */
void
osl_ostep_report_error (const GError         *error,
                        const char           *program,
                        const OslOstepOption *options,
                        guint                 n_options,
                        GString              *out,
                        GString              *err)
{
  if (error->domain != OSL_OSTEP_ERROR)
    {
      g_string_append_printf (err, "%s: %s\n", program, error->message);
      return;
    }
  switch ((OslOstepError) error->code)
    {
    case OSL_OSTEP_ERROR_HELP:
      osl_ostep_options_append_help (out, program, options, n_options);
      break;
    case OSL_OSTEP_ERROR_USAGE:
      osl_ostep_options_append_usage_error (err, program, error->message);
      break;
    case OSL_OSTEP_ERROR_REFUSED:
      break;
    case OSL_OSTEP_ERROR_ABORTED:
      g_string_append_printf (err, "%s\n", error->message);
      break;
    case OSL_OSTEP_ERROR_CRASHED:
    case OSL_OSTEP_ERROR_UNSUPPORTED:
    default:
      g_string_append_printf (err, "%s: %s\n", program, error->message);
      break;
    }
}

static gboolean
is_python (const char *word)
{
  g_autofree char *base = g_path_get_basename (word);

  return g_str_has_prefix (base, "python");
}

/**
 * osl_ostep_check_defect:
 * @defect: (nullable): where the script would stop before printing
 *
 * The end of every simulator's parse function: a problem the script
 * would stop on fails the parse with that same error.
 */
gboolean
osl_ostep_check_defect (const GError  *defect,
                        GError       **error)
{
  if (defect == NULL)
    return TRUE;
  g_propagate_error (error, g_error_copy (defect));
  return FALSE;
}

/**
 * osl_ostep_split_command_line:
 * @command_line: "python3 ./scheduler.py -p RR -c", "scheduler.py -c" or
 *   just "-p RR -c"
 * @program: the script's name, such as "scheduler.py"
 *
 * Splits a pasted command line as a shell would and drops the Python
 * interpreter and the script path, so that the result can go to a
 * simulator's parse function; argv[0] becomes @program.
 */
char **
osl_ostep_split_command_line (const char  *command_line,
                              const char  *program,
                              int         *argc,
                              GError     **error)
{
  g_auto(GStrv) words = NULL;
  g_autofree char *stem = g_strndup (program, strcspn (program, "."));
  GPtrArray *argv = g_ptr_array_new ();
  guint first = 0;
  int n_words = 0;

  if (strspn (command_line, " \t\r\n") == strlen (command_line))
    words = g_new0 (char *, 1);
  else if (!g_shell_parse_argv (command_line, &n_words, &words, error))
    {
      g_ptr_array_unref (argv);
      return NULL;
    }
  if (words[first] != NULL && is_python (words[first]))
    first++;
  if (words[first] != NULL && words[first][0] != '-')
    {
      g_autofree char *base = g_path_get_basename (words[first]);

      if (strcmp (base, program) != 0 && strcmp (base, stem) != 0)
        {
          g_set_error (error, OSL_OSTEP_ERROR, OSL_OSTEP_ERROR_USAGE,
                       "“%s” is not %s; paste a command that runs %s", words[first], program, program);
          g_ptr_array_unref (argv);
          return NULL;
        }
      first++;
    }
  g_ptr_array_add (argv, g_strdup (program));
  for (guint i = first; words[i] != NULL; i++)
    g_ptr_array_add (argv, g_strdup (words[i]));
  *argc = argv->len;
  g_ptr_array_add (argv, NULL);
  return (char **) g_ptr_array_free (argv, FALSE);
}

/**
 * osl_ostep_stop_at_defect:
 *
 * Ends a simulator's output where the script stops for @defect: a message
 * the script prints on purpose goes to @out, and @defect is copied to
 * @error. Always returns %FALSE.
 */
gboolean
osl_ostep_stop_at_defect (const GError  *defect,
                          GString       *out,
                          GError       **error)
{
  if (g_error_matches (defect, OSL_OSTEP_ERROR, OSL_OSTEP_ERROR_REFUSED))
    g_string_append_printf (out, "%s\n", defect->message);
  g_propagate_error (error, g_error_copy (defect));
  return FALSE;
}

/* Python's text.split(separator): "" gives one empty item, not none. */
char **
osl_ostep_split (const char *text,
                 const char *separator)
{
  if (text[0] == '\0')
    {
      char **items = g_new0 (char *, 2);
      items[0] = g_strdup ("");
      return items;
    }
  return g_strsplit (text, separator, -1);
}
