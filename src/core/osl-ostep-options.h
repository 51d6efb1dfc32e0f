/* osl-ostep-options.h: the command lines of the OSTEP homework simulators
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

#define OSL_OSTEP_ERROR (osl_ostep_error_quark ())

/* How an OSTEP invocation can end other than with its normal output. */
typedef enum
{
  OSL_OSTEP_ERROR_USAGE,       /* the option parser refused the command line (exit 2) */
  OSL_OSTEP_ERROR_HELP,        /* -h or --help was given (exit 0) */
  OSL_OSTEP_ERROR_REFUSED,     /* the simulator prints this message on stdout and exits 1 */
  OSL_OSTEP_ERROR_ABORTED,     /* the simulator prints this message on stderr and exits 1 */
  OSL_OSTEP_ERROR_CRASHED,     /* the simulator stops with a Python exception (exit 1) */
  OSL_OSTEP_ERROR_UNSUPPORTED, /* the simulator would not finish, or the value is absurd */
} OslOstepError;

/* Bounds on what this port simulates. The Python scripts have none, but
 * beyond these they run for hours or forever. */
#define OSL_OSTEP_MAX_ITEMS       1000000   /* jobs, processes, addresses */
#define OSL_OSTEP_MAX_TRACE_LINES 2000000   /* ticks or time slices */

typedef enum
{
  OSL_OSTEP_OPTION_FLAG,    /* store_true: a gboolean */
  OSL_OSTEP_OPTION_INT,     /* type="int": a gint64 */
  OSL_OSTEP_OPTION_STRING,  /* type="string": a const char * into argv */
} OslOstepOptionKind;

typedef struct
{
  char                short_name;  /* '\0' when the option has none */
  const char         *long_name;   /* without "--"; NULL when it has none */
  OslOstepOptionKind  kind;
  gpointer            value;       /* gboolean *, gint64 * or const char ** */
  const char         *metavar;     /* for the help text */
  const char         *help;
} OslOstepOption;

GQuark   osl_ostep_error_quark               (void);

gboolean osl_ostep_options_parse             (const OslOstepOption *options,
                                              guint                 n_options,
                                              int                   argc,
                                              char                **argv,
                                              GError              **error);
void     osl_ostep_options_append_usage_error (GString             *err,
                                              const char           *program,
                                              const char           *message);
void     osl_ostep_options_explain_refusal   (GError              **error,
                                              const char           *program);
void     osl_ostep_options_append_help       (GString              *out,
                                              const char           *program,
                                              const OslOstepOption *options,
                                              guint                 n_options);

int      osl_ostep_exit_status               (const GError         *error);
void     osl_ostep_report_error              (const GError         *error,
                                              const char           *program,
                                              const OslOstepOption *options,
                                              guint                 n_options,
                                              GString              *out,
                                              GString              *err);
gboolean osl_ostep_stop_at_defect            (const GError         *defect,
                                              GString              *out,
                                              GError              **error);
gboolean osl_ostep_check_defect            (const GError         *defect,
                                              GError              **error);
char   **osl_ostep_split                     (const char           *text,
                                              const char           *separator);
char   **osl_ostep_split_command_line        (const char           *command_line,
                                              const char           *program,
                                              int                  *argc,
                                              GError              **error);

G_END_DECLS
