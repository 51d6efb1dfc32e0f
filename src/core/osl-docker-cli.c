/* osl-docker-cli.c: the docker command line over the simulated engine
 *
 * Flag parsing follows pflag (long "--name x" or "--name=x", short
 * clusters "-dit", a value glued to its short flag "-p80:80"); run,
 * create and exec stop at the first argument, so flags after the image
 * belong to the container's command. Messages and exit codes are the
 * docker CLI's: 125 when docker itself failed in run/create, 1 otherwise.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "osl-docker-cli.h"

typedef struct
{
  const char *long_name;
  char        short_name;
  gboolean    takes_value;
  const char *help;
} FlagSpec;

typedef struct
{
  GHashTable *values;     /* long name → last value ("true" for booleans) */
  GPtrArray  *publish;    /* every -p */
  GPtrArray  *args;       /* positional arguments */
} Parsed;

typedef struct _CommandSpec CommandSpec;

typedef struct
{
  OslDockerEngine   *engine;
  const CommandSpec *spec;
  Parsed            *parsed;
  GString           *out;
  GString           *err;
  GString           *notes;
} Invocation;

typedef int (*CommandFunc) (Invocation *inv);

struct _CommandSpec
{
  const char     *name;
  const char     *usage;
  const char     *summary;
  int             min_args;
  int             max_args;     /* −1: no limit */
  gboolean        interspersed;
  const FlagSpec *flags;
  CommandFunc     run;
};

#define END_FLAGS { NULL, 0, FALSE, NULL }

static const FlagSpec run_flags[] = {
  { "detach", 'd', FALSE, "Run container in background and print container ID" },
  { "interactive", 'i', FALSE, "Keep STDIN open even if not attached" },
  { "tty", 't', FALSE, "Allocate a pseudo-TTY" },
  { "name", 0, TRUE, "Assign a name to the container" },
  { "publish", 'p', TRUE, "Publish a container's port(s) to the host" },
  { "rm", 0, FALSE, "Automatically remove the container and its associated anonymous volumes when it exits" },
  { "restart", 0, TRUE, "Restart policy to apply when a container exits" },
  { "cpus", 0, TRUE, "Number of CPUs" },
  { "cpu-shares", 'c', TRUE, "CPU shares (relative weight)" },
  { "memory", 'm', TRUE, "Memory limit" },
  { "pids-limit", 0, TRUE, "Tune container pids limit (set -1 for unlimited)" },
  END_FLAGS
};

static const FlagSpec stop_flags[] = {
  { "time", 't', TRUE, "Seconds to wait before killing the container" },
  { "signal", 's', TRUE, "Signal to send to the container" },
  END_FLAGS
};

static const FlagSpec kill_flags[] = {
  { "signal", 's', TRUE, "Signal to send to the container" },
  END_FLAGS
};

static const FlagSpec rm_flags[] = {
  { "force", 'f', FALSE, "Force the removal of a running container (uses SIGKILL)" },
  { "volumes", 'v', FALSE, "Remove anonymous volumes associated with the container" },
  END_FLAGS
};

static const FlagSpec exec_flags[] = {
  { "detach", 'd', FALSE, "Detached mode: run command in the background" },
  { "interactive", 'i', FALSE, "Keep STDIN open even if not attached" },
  { "tty", 't', FALSE, "Allocate a pseudo-TTY" },
  END_FLAGS
};

static const FlagSpec commit_flags[] = {
  { "message", 'm', TRUE, "Commit message" },
  { "author", 'a', TRUE, "Author" },
  END_FLAGS
};

static const FlagSpec export_flags[] = {
  { "output", 'o', TRUE, "Write to a file, instead of STDOUT" },
  END_FLAGS
};

static const FlagSpec build_flags[] = {
  { "tag", 't', TRUE, "Name and optionally a tag (format: \"name:tag\")" },
  END_FLAGS
};

static const FlagSpec ps_flags[] = {
  { "all", 'a', FALSE, "Show all containers (default shows just running)" },
  { "quiet", 'q', FALSE, "Only display container IDs" },
  END_FLAGS
};

static const FlagSpec images_flags[] = {
  { "all", 'a', FALSE, "Show all images (default hides intermediate images)" },
  { "quiet", 'q', FALSE, "Only show image IDs" },
  END_FLAGS
};

static const FlagSpec rmi_flags[] = {
  { "force", 'f', FALSE, "Force removal of the image" },
  END_FLAGS
};

static const FlagSpec no_flags[] = {
  END_FLAGS
};

static int cmd_run (Invocation *inv);
static int cmd_create (Invocation *inv);
static int cmd_start (Invocation *inv);
static int cmd_stop (Invocation *inv);
static int cmd_restart (Invocation *inv);
static int cmd_pause (Invocation *inv);
static int cmd_unpause (Invocation *inv);
static int cmd_kill (Invocation *inv);
static int cmd_rm (Invocation *inv);
static int cmd_exec (Invocation *inv);
static int cmd_attach (Invocation *inv);
static int cmd_commit (Invocation *inv);
static int cmd_export (Invocation *inv);
static int cmd_build (Invocation *inv);
static int cmd_pull (Invocation *inv);
static int cmd_push (Invocation *inv);
static int cmd_search (Invocation *inv);
static int cmd_ps (Invocation *inv);
static int cmd_images (Invocation *inv);
static int cmd_tag (Invocation *inv);
static int cmd_rmi (Invocation *inv);

static const CommandSpec commands[] = {
  { "run", "docker run [OPTIONS] IMAGE [COMMAND] [ARG...]", "Create and run a new container from an image",
    1, -1, FALSE, run_flags, cmd_run },
  { "create", "docker create [OPTIONS] IMAGE [COMMAND] [ARG...]", "Create a new container",
    1, -1, FALSE, run_flags, cmd_create },
  { "start", "docker start [OPTIONS] CONTAINER [CONTAINER...]", "Start one or more stopped containers",
    1, -1, TRUE, no_flags, cmd_start },
  { "stop", "docker stop [OPTIONS] CONTAINER [CONTAINER...]", "Stop one or more running containers",
    1, -1, TRUE, stop_flags, cmd_stop },
  { "restart", "docker restart [OPTIONS] CONTAINER [CONTAINER...]", "Restart one or more containers",
    1, -1, TRUE, stop_flags, cmd_restart },
  { "pause", "docker pause CONTAINER [CONTAINER...]", "Pause all processes within one or more containers",
    1, -1, TRUE, no_flags, cmd_pause },
  { "unpause", "docker unpause CONTAINER [CONTAINER...]", "Unpause all processes within one or more containers",
    1, -1, TRUE, no_flags, cmd_unpause },
  { "kill", "docker kill [OPTIONS] CONTAINER [CONTAINER...]", "Kill one or more running containers",
    1, -1, TRUE, kill_flags, cmd_kill },
  { "rm", "docker rm [OPTIONS] CONTAINER [CONTAINER...]", "Remove one or more containers",
    1, -1, TRUE, rm_flags, cmd_rm },
  { "exec", "docker exec [OPTIONS] CONTAINER COMMAND [ARG...]", "Execute a command in a running container",
    2, -1, FALSE, exec_flags, cmd_exec },
  { "attach", "docker attach [OPTIONS] CONTAINER",
    "Attach local standard input, output, and error streams to a running container",
    1, 1, TRUE, no_flags, cmd_attach },
  { "commit", "docker commit [OPTIONS] CONTAINER [REPOSITORY[:TAG]]", "Create a new image from a container's changes",
    1, 2, TRUE, commit_flags, cmd_commit },
  { "export", "docker export [OPTIONS] CONTAINER", "Export a container's filesystem as a tar archive",
    1, 1, TRUE, export_flags, cmd_export },
  { "build", "docker build [OPTIONS] PATH | URL | -", "Build an image from a Dockerfile",
    1, 1, TRUE, build_flags, cmd_build },
  { "pull", "docker pull [OPTIONS] NAME[:TAG|@DIGEST]", "Download an image from a registry",
    1, 1, TRUE, no_flags, cmd_pull },
  { "push", "docker push [OPTIONS] NAME[:TAG]", "Upload an image to a registry",
    1, 1, TRUE, no_flags, cmd_push },
  { "search", "docker search [OPTIONS] TERM", "Search Docker Hub for images",
    1, 1, TRUE, no_flags, cmd_search },
  { "ps", "docker ps [OPTIONS]", "List containers",
    0, 0, TRUE, ps_flags, cmd_ps },
  { "images", "docker images [OPTIONS] [REPOSITORY[:TAG]]", "List images",
    0, 1, TRUE, images_flags, cmd_images },
  { "tag", "docker tag SOURCE_IMAGE[:TAG] TARGET_IMAGE[:TAG]", "Create a tag TARGET_IMAGE that refers to SOURCE_IMAGE",
    2, 2, TRUE, no_flags, cmd_tag },
  { "rmi", "docker rmi [OPTIONS] IMAGE [IMAGE...]", "Remove one or more images",
    1, -1, TRUE, rmi_flags, cmd_rmi },
};

static void
parsed_free (Parsed *parsed)
{
  g_hash_table_unref (parsed->values);
  g_ptr_array_unref (parsed->publish);
  g_ptr_array_unref (parsed->args);
  g_free (parsed);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (Parsed, parsed_free)

static Parsed *
parsed_new (void)
{
  Parsed *parsed = g_new0 (Parsed, 1);

  parsed->values = g_hash_table_new_full (g_str_hash, g_str_equal, NULL, g_free);
  parsed->publish = g_ptr_array_new_with_free_func (g_free);
  parsed->args = g_ptr_array_new_with_free_func (g_free);
  return parsed;
}

static const char *
flag_value (Invocation *inv,
            const char *long_name)
{
  return g_hash_table_lookup (inv->parsed->values, long_name);
}

static gboolean
flag_set (Invocation *inv,
          const char *long_name)
{
  const char *value = flag_value (inv, long_name);

  return value != NULL && !g_str_equal (value, "false");
}

static const char *
arg (Invocation *inv,
     guint       index)
{
  return index < inv->parsed->args->len ? inv->parsed->args->pdata[index] : NULL;
}

static void
print_usage_hint (Invocation *inv)
{
  g_string_append_printf (inv->err, "See 'docker %s --help'.\n", inv->spec->name);
}

static void
print_help (const CommandSpec *spec,
            GString           *out)
{
  g_string_append_printf (out, "\nUsage:  %s\n\n%s\n", spec->usage, spec->summary);
  if (spec->flags[0].long_name == NULL)
    return;
  g_string_append (out, "\nOptions:\n");
  for (const FlagSpec *flag = spec->flags; flag->long_name != NULL; flag++)
    {
      g_autofree char *names = flag->short_name != 0
        ? g_strdup_printf ("-%c, --%s", flag->short_name, flag->long_name)
        : g_strdup_printf ("    --%s", flag->long_name);
      g_string_append_printf (out, "  %-24s %s\n", names, flag->help);
    }
}

static const FlagSpec *
find_long (const FlagSpec *flags,
           const char     *name)
{
  for (const FlagSpec *flag = flags; flag->long_name != NULL; flag++)
    if (g_str_equal (flag->long_name, name))
      return flag;
  return NULL;
}

static const FlagSpec *
find_short (const FlagSpec *flags,
            char            name)
{
  for (const FlagSpec *flag = flags; flag->long_name != NULL; flag++)
    if (flag->short_name == name)
      return flag;
  return NULL;
}

static void
store_flag (Parsed         *parsed,
            const FlagSpec *flag,
            const char     *value)
{
  if (g_str_equal (flag->long_name, "publish"))
    g_ptr_array_add (parsed->publish, g_strdup (value));
  g_hash_table_replace (parsed->values, (gpointer) flag->long_name, g_strdup (value));
}

/* Returns FALSE after writing pflag's message to @err. Sets *help when
 * --help was asked for. */
static gboolean
parse_flags (const CommandSpec  *spec,
             char              **argv,
             Parsed             *parsed,
             gboolean           *help,
             GString            *err)
{
  gboolean flags_done = FALSE;

  for (guint i = 0; argv[i] != NULL; i++)
    {
      const char *word = argv[i];

      if (flags_done || word[0] != '-' || word[1] == '\0')
        {
          g_ptr_array_add (parsed->args, g_strdup (word));
          if (!spec->interspersed)
            flags_done = TRUE;
          continue;
        }
      if (g_str_equal (word, "--"))
        {
          flags_done = TRUE;
          continue;
        }
      if (g_str_equal (word, "--help") || g_str_equal (word, "-h"))
        {
          *help = TRUE;
          return TRUE;
        }
      if (word[1] == '-')
        {
          g_autofree char *name = g_strdup (word + 2);
          char *equals = strchr (name, '=');
          const FlagSpec *flag;

          if (equals != NULL)
            *equals = '\0';
          flag = find_long (spec->flags, name);
          if (flag == NULL)
            {
              g_string_append_printf (err, "unknown flag: --%s\n", name);
              return FALSE;
            }
          if (!flag->takes_value)
            store_flag (parsed, flag, equals != NULL ? equals + 1 : "true");
          else if (equals != NULL)
            store_flag (parsed, flag, equals + 1);
          else if (argv[i + 1] != NULL)
            store_flag (parsed, flag, argv[++i]);
          else
            {
              g_string_append_printf (err, "flag needs an argument: --%s\n", name);
              return FALSE;
            }
          continue;
        }
      for (guint k = 1; word[k] != '\0'; k++)
        {
          const FlagSpec *flag = find_short (spec->flags, word[k]);

          if (word[k] == 'h' && flag == NULL)
            {
              *help = TRUE;
              return TRUE;
            }
          if (flag == NULL)
            {
              g_string_append_printf (err, "unknown shorthand flag: '%c' in %s\n", word[k], word);
              return FALSE;
            }
          if (!flag->takes_value)
            {
              store_flag (parsed, flag, "true");
              continue;
            }
          if (word[k + 1] != '\0')
            store_flag (parsed, flag, word + k + (word[k + 1] == '=' ? 2 : 1));
          else if (argv[i + 1] != NULL)
            store_flag (parsed, flag, argv[++i]);
          else
            {
              g_string_append_printf (err, "flag needs an argument: '%c' in -%c\n", word[k], word[k]);
              return FALSE;
            }
          break;
        }
    }
  return TRUE;
}

static gboolean
check_arg_count (const CommandSpec *spec,
                 guint              n,
                 GString           *err)
{
  const char *plural_min = spec->min_args == 1 ? "" : "s";
  const char *plural_max = spec->max_args == 1 ? "" : "s";

  if ((int) n >= spec->min_args && (spec->max_args < 0 || (int) n <= spec->max_args))
    return TRUE;
  if (spec->max_args == 0)
    g_string_append_printf (err, "\"docker %s\" accepts no arguments.\n", spec->name);
  else if (spec->max_args < 0)
    g_string_append_printf (err, "\"docker %s\" requires at least %d argument%s.\n", spec->name,
                            spec->min_args, plural_min);
  else if (spec->min_args == spec->max_args)
    g_string_append_printf (err, "\"docker %s\" requires exactly %d argument%s.\n", spec->name,
                            spec->min_args, plural_min);
  else if (spec->min_args == 0)
    g_string_append_printf (err, "\"docker %s\" accepts at most %d argument%s.\n", spec->name,
                            spec->max_args, plural_max);
  else
    g_string_append_printf (err, "\"docker %s\" requires at least %d and at most %d argument%s.\n", spec->name,
                            spec->min_args, spec->max_args, plural_max);
  g_string_append_printf (err, "See 'docker %s --help'.\n\nUsage:  %s\n\n%s\n", spec->name, spec->usage,
                          spec->summary);
  return FALSE;
}

static gboolean
is_run_like (const CommandSpec *spec)
{
  return spec->run == cmd_run || spec->run == cmd_create;
}

/* Daemon errors get their prefix; `docker run` adds "docker: " and a hint. */
static int
report_error (Invocation   *inv,
              const GError *error)
{
  gboolean run_like = is_run_like (inv->spec);

  if (run_like)
    g_string_append (inv->err, "docker: ");
  if (error->domain == OSL_DOCKER_ERROR && error->code == OSL_DOCKER_ERROR_DAEMON)
    g_string_append (inv->err, "Error response from daemon: ");
  g_string_append (inv->err, error->message);
  if (run_like)
    {
      g_string_append (inv->err, g_str_has_suffix (error->message, ".") ? "\n" : ".\n");
      print_usage_hint (inv);
      return 125;
    }
  g_string_append_c (inv->err, '\n');
  return 1;
}

/* A simple text/tabwriter: minwidth 10, padding 3, as docker's formatter. */
static void
print_table (GString    *out,
             GPtrArray  *rows,
             guint       n_columns)
{
  g_autofree guint *widths = g_new0 (guint, n_columns);

  for (guint r = 0; r < rows->len; r++)
    for (guint c = 0; c < n_columns; c++)
      widths[c] = MAX (widths[c], MAX (g_utf8_strlen (((char **) rows->pdata[r])[c], -1) + 3, 10));
  for (guint r = 0; r < rows->len; r++)
    {
      char **row = rows->pdata[r];
      g_autoptr(GString) line = g_string_new (NULL);

      for (guint c = 0; c < n_columns; c++)
        {
          g_string_append (line, row[c]);
          if (c + 1 < n_columns)
            for (guint pad = g_utf8_strlen (row[c], -1); pad < widths[c]; pad++)
              g_string_append_c (line, ' ');
        }
      while (line->len > 0 && line->str[line->len - 1] == ' ')
        g_string_truncate (line, line->len - 1);
      g_string_append_printf (out, "%s\n", line->str);
    }
}

static gboolean
parse_limits (Invocation              *inv,
              OslDockerCreateOptions  *options,
              int                     *status)
{
  g_autoptr(GError) error = NULL;
  const char *value;
  const char *flag_name = NULL, *text = NULL;

  if ((value = flag_value (inv, "cpus")) != NULL &&
      !osl_docker_cpus_to_cpu_max (value, OSL_DOCKER_HOST_CPUS, &options->cpu_quota_us,
                                   &options->cpu_period_us, &error))
    {
      if (error->code == OSL_CGROUP_ERROR_RANGE)
        {
          *status = report_error (inv, &(GError) { OSL_DOCKER_ERROR, OSL_DOCKER_ERROR_DAEMON, error->message });
          return FALSE;
        }
      flag_name = "--cpus", text = value;
    }
  if (error == NULL && (value = flag_value (inv, "cpu-shares")) != NULL)
    {
      guint64 shares;

      if (!g_ascii_string_to_unsigned (value, 10, 0, G_MAXINT64, &shares, NULL))
        {
          g_set_error (&error, OSL_CGROUP_ERROR, OSL_CGROUP_ERROR_INVALID,
                       "strconv.ParseInt: parsing \"%s\": invalid syntax", value);
          flag_name = "-c, --cpu-shares", text = value;
        }
      else
        options->cpu_weight = osl_docker_shares_to_weight (shares);
    }
  if (error == NULL && (value = flag_value (inv, "memory")) != NULL &&
      !osl_docker_parse_memory (value, &options->memory_max, &error))
    {
      if (error->code == OSL_CGROUP_ERROR_RANGE)
        {
          *status = report_error (inv, &(GError) { OSL_DOCKER_ERROR, OSL_DOCKER_ERROR_DAEMON, error->message });
          return FALSE;
        }
      flag_name = "-m, --memory", text = value;
    }
  if (error == NULL && (value = flag_value (inv, "pids-limit")) != NULL &&
      !osl_docker_parse_pids_limit (value, &options->pids_max, &error))
    flag_name = "--pids-limit", text = value;
  if (error == NULL)
    return TRUE;
  g_string_append_printf (inv->err, "invalid argument \"%s\" for \"%s\" flag: %s\n", text, flag_name,
                          error->message);
  print_usage_hint (inv);
  *status = 125;
  return FALSE;
}

static void
explain_exit (Invocation         *inv,
              OslDockerContainer *c)
{
  if (c->oom_killed)
    g_string_append_printf (inv->notes, _("%s was OOM-killed: it needed more memory than memory.max allows, "
                                          "so the kernel killed it with SIGKILL (exit code 137 = 128 + 9).\n"),
                            c->name);
  else if (osl_docker_container_get_state (c) == OSL_DOCKER_EXITED && c->exit_code == 0 && !c->interactive &&
           g_str_has_suffix (c->argv[0], "sh"))
    g_string_append_printf (inv->notes, _("%s exited at once: a shell without -i reads end-of-file from its "
                                          "closed standard input and ends. Add -it to keep it running.\n"),
                            c->name);
  else if (osl_docker_container_get_state (c) == OSL_DOCKER_RESTARTING)
    g_string_append_printf (inv->notes, _("%s's main process exited and its restart policy “%s” starts it "
                                          "again: the state is “restarting”.\n"), c->name, c->restart_policy);
}

static OslDockerContainer *
create_from_flags (Invocation *inv,
                   int        *status)
{
  g_autoptr(GError) error = NULL;
  OslDockerCreateOptions options;
  OslDockerContainer *c;

  osl_docker_create_options_init (&options);
  if (!parse_limits (inv, &options, status))
    return NULL;
  g_ptr_array_add (inv->parsed->publish, NULL);
  g_ptr_array_add (inv->parsed->args, NULL);
  options.image = arg (inv, 0);
  options.name = flag_value (inv, "name");
  options.argv = (char **) inv->parsed->args->pdata + 1;
  options.interactive = flag_set (inv, "interactive");
  options.tty = flag_set (inv, "tty");
  options.auto_remove = flag_set (inv, "rm");
  options.restart_policy = flag_value (inv, "restart");
  options.publish = (const char **) inv->parsed->publish->pdata;
  if (g_str_has_prefix (options.image, "–") || g_str_has_prefix (options.image, "—"))
    g_string_append_printf (inv->notes, _("“%s” starts with a dash from a slide, not with “--”: Docker reads "
                                          "it as the image name. Type two hyphens: --%s.\n"),
                            options.image, options.image + strlen ("–"));
  c = osl_docker_engine_create (inv->engine, &options, inv->err, &error);
  g_ptr_array_remove_index (inv->parsed->publish, inv->parsed->publish->len - 1);
  g_ptr_array_remove_index (inv->parsed->args, inv->parsed->args->len - 1);
  if (c == NULL)
    *status = report_error (inv, error);
  return c;
}

static int
cmd_create (Invocation *inv)
{
  int status = 0;
  OslDockerContainer *c = create_from_flags (inv, &status);

  if (c == NULL)
    return status;
  g_string_append_printf (inv->out, "%s\n", c->id);
  return 0;
}

static int
cmd_run (Invocation *inv)
{
  g_autoptr(GError) error = NULL;
  int status = 0;
  OslDockerContainer *c = create_from_flags (inv, &status);
  g_autofree char *id = NULL, *name = NULL;
  gboolean detach = flag_set (inv, "detach");
  g_autoptr(GString) output = g_string_new (NULL);

  if (c == NULL)
    return status;
  id = g_strdup (c->id);
  name = g_strdup (c->name);
  if (!osl_docker_engine_start (inv->engine, c, output, &error))
    {
      status = report_error (inv, error);
      return c->exit_code == 127 ? 127 : status;
    }
  if (detach)
    {
      g_string_append_printf (inv->out, "%s\n", id);
      /* --rm may already have removed it; look it up again. */
      if ((c = osl_docker_engine_find_container (inv->engine, id, NULL)) != NULL)
        explain_exit (inv, c);
      return 0;
    }
  g_string_append (inv->out, output->str);
  c = osl_docker_engine_find_container (inv->engine, id, NULL);
  if (c == NULL)
    return 0;
  explain_exit (inv, c);
  if (c->running && !c->restarting)
    {
      g_string_append_printf (inv->notes, _("The terminal is now attached to %s. In a real terminal Ctrl+C (or "
                                            "Ctrl+P Ctrl+Q with -it) gives the prompt back; here the prompt "
                                            "returns and %s keeps running.\n"), name, name);
      return 0;
    }
  return c->exit_code;
}

typedef gboolean (*ContainerAction) (Invocation         *inv,
                                     OslDockerContainer *c,
                                     const char         *typed,
                                     GError            **error);

/* start, stop, rm, …: each name in turn, its name echoed on success. */
static int
for_each_container (Invocation      *inv,
                    ContainerAction  action)
{
  g_autoptr(GPtrArray) failed = g_ptr_array_new ();

  for (guint i = 0; i < inv->parsed->args->len; i++)
    {
      g_autoptr(GError) error = NULL;
      const char *typed = inv->parsed->args->pdata[i];
      OslDockerContainer *c = osl_docker_engine_find_container (inv->engine, typed, &error);

      if (c != NULL && action (inv, c, typed, &error))
        {
          g_string_append_printf (inv->out, "%s\n", typed);
          continue;
        }
      report_error (inv, error);
      g_ptr_array_add (failed, (gpointer) typed);
    }
  if (failed->len > 0 && inv->spec->run == cmd_start)
    {
      g_ptr_array_add (failed, NULL);
      g_autofree char *names = g_strjoinv (", ", (char **) failed->pdata);
      g_string_append_printf (inv->err, "Error: failed to start containers: %s\n", names);
    }
  return failed->len > 0 ? 1 : 0;
}

static gboolean
start_one (Invocation *inv, OslDockerContainer *c, const char *typed, GError **error)
{
  g_autoptr(GString) ignored = g_string_new (NULL);
  g_autofree char *id = g_strdup (c->id);
  gboolean ok = osl_docker_engine_start (inv->engine, c, ignored, error);

  /* With --rm the container may be gone already. */
  if (ok && (c = osl_docker_engine_find_container (inv->engine, id, NULL)) != NULL)
    explain_exit (inv, c);
  return ok;
}

static int
cmd_start (Invocation *inv)
{
  return for_each_container (inv, start_one);
}

static int
stop_timeout (Invocation *inv)
{
  const char *value = flag_value (inv, "time");
  gint64 seconds = OSL_DOCKER_STOP_TIMEOUT;

  if (value != NULL && !g_ascii_string_to_signed (value, 10, -1, 3600, &seconds, NULL))
    seconds = OSL_DOCKER_STOP_TIMEOUT;
  return (int) seconds;
}

static gboolean
stop_one (Invocation *inv, OslDockerContainer *c, const char *typed, GError **error)
{
  gint64 before = osl_docker_engine_get_now (inv->engine);
  gboolean ok = osl_docker_engine_stop (inv->engine, c, stop_timeout (inv), error);

  if (ok && osl_docker_engine_get_now (inv->engine) > before)
    g_string_append_printf (inv->notes, _("%s took %d s to stop: its PID 1 has no SIGTERM handler, and the kernel "
                                          "drops such signals to a namespace's init, so Docker waited for the "
                                          "timeout and sent SIGKILL (exit code 137).\n"), typed, stop_timeout (inv));
  return ok;
}

static int
cmd_stop (Invocation *inv)
{
  return for_each_container (inv, stop_one);
}

static gboolean
restart_one (Invocation *inv, OslDockerContainer *c, const char *typed, GError **error)
{
  return osl_docker_engine_restart (inv->engine, c, stop_timeout (inv), error);
}

static int
cmd_restart (Invocation *inv)
{
  return for_each_container (inv, restart_one);
}

static gboolean
pause_one (Invocation *inv, OslDockerContainer *c, const char *typed, GError **error)
{
  return osl_docker_engine_pause (inv->engine, c, error);
}

static int
cmd_pause (Invocation *inv)
{
  return for_each_container (inv, pause_one);
}

static gboolean
unpause_one (Invocation *inv, OslDockerContainer *c, const char *typed, GError **error)
{
  return osl_docker_engine_unpause (inv->engine, c, error);
}

static int
cmd_unpause (Invocation *inv)
{
  return for_each_container (inv, unpause_one);
}

static gboolean
kill_one (Invocation *inv, OslDockerContainer *c, const char *typed, GError **error)
{
  gboolean was_running = osl_docker_container_get_state (c) == OSL_DOCKER_RUNNING;
  g_autofree char *id = g_strdup (c->id);
  gboolean ok = osl_docker_engine_kill (inv->engine, c, typed, flag_value (inv, "signal"), error);

  /* With --rm a killed container is gone. */
  c = osl_docker_engine_find_container (inv->engine, id, NULL);
  if (ok && was_running && c != NULL && osl_docker_container_get_state (c) == OSL_DOCKER_RUNNING)
    g_string_append_printf (inv->notes, _("%s is still running: its PID 1 has no handler for that signal, so "
                                          "the kernel dropped it. Only SIGKILL and SIGSTOP always reach a "
                                          "namespace's init from outside.\n"), typed);
  return ok;
}

static int
cmd_kill (Invocation *inv)
{
  return for_each_container (inv, kill_one);
}

static gboolean
rm_one (Invocation *inv, OslDockerContainer *c, const char *typed, GError **error)
{
  return osl_docker_engine_rm (inv->engine, c, typed, flag_set (inv, "force"), error);
}

static int
cmd_rm (Invocation *inv)
{
  return for_each_container (inv, rm_one);
}

static int
cmd_exec (Invocation *inv)
{
  g_autoptr(GError) error = NULL;
  OslDockerContainer *c = osl_docker_engine_find_container (inv->engine, arg (inv, 0), &error);
  int status = 0;

  if (c == NULL)
    return report_error (inv, error);
  g_ptr_array_add (inv->parsed->args, NULL);
  if (!osl_docker_engine_exec (inv->engine, c, (char **) inv->parsed->args->pdata + 1,
                               flag_set (inv, "interactive"), inv->out, &status, &error))
    {
      g_ptr_array_remove_index (inv->parsed->args, inv->parsed->args->len - 1);
      if (error->code == OSL_DOCKER_ERROR_CLIENT)
        {
          g_string_append_printf (inv->err, "%s\n", error->message);
          return 126;
        }
      return report_error (inv, error);
    }
  g_ptr_array_remove_index (inv->parsed->args, inv->parsed->args->len - 1);
  return status;
}

static int
cmd_attach (Invocation *inv)
{
  g_autoptr(GError) error = NULL;
  OslDockerContainer *c = osl_docker_engine_find_container (inv->engine, arg (inv, 0), &error);

  if (c == NULL || !osl_docker_engine_attach (inv->engine, c, inv->out, &error))
    return report_error (inv, error);
  g_string_append_printf (inv->notes, _("Attached to %s's main process: its output appears here and your "
                                        "keystrokes go to its standard input. Ctrl+P Ctrl+Q detaches.\n"), c->name);
  return 0;
}

static int
cmd_commit (Invocation *inv)
{
  g_autoptr(GError) error = NULL;
  OslDockerContainer *c = osl_docker_engine_find_container (inv->engine, arg (inv, 0), &error);
  OslDockerImage *image;

  if (c == NULL || (image = osl_docker_engine_commit (inv->engine, c, arg (inv, 1), &error)) == NULL)
    return report_error (inv, error);
  g_string_append_printf (inv->out, "sha256:%s\n", image->id);
  return 0;
}

static int
cmd_export (Invocation *inv)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) files = NULL;
  OslDockerContainer *c = osl_docker_engine_find_container (inv->engine, arg (inv, 0), &error);

  if (c == NULL)
    return report_error (inv, error);
  if (flag_value (inv, "output") == NULL)
    {
      g_string_append (inv->err, "cowardly refusing to save to a terminal. Use the -o flag or redirect\n");
      return 1;
    }
  if (!osl_docker_engine_export (inv->engine, c, &files, &error))
    return report_error (inv, error);
  g_string_append_printf (inv->notes, _("%s holds the %u paths of %s's merged filesystem, flattened: one "
                                        "tree, no layers, no history.\n"),
                          flag_value (inv, "output"), files->len, c->name);
  return 0;
}

static int
cmd_build (Invocation *inv)
{
  g_autoptr(GError) error = NULL;

  if (!osl_docker_engine_build (inv->engine, flag_value (inv, "tag"), arg (inv, 0), inv->out, &error))
    return report_error (inv, error);
  g_string_append (inv->notes, _("The Dockerfile here is “FROM httpd:2.4” plus “COPY ./public-html/ "
                                 "/usr/local/apache2/htdocs/”: the COPY adds one layer on top of httpd's. "
                                 "BuildKit, the default builder, prints progress differently; the layers are "
                                 "the same.\n"));
  return 0;
}

static int
cmd_pull (Invocation *inv)
{
  g_autoptr(GError) error = NULL;

  if (!osl_docker_engine_pull (inv->engine, arg (inv, 0), inv->out, &error))
    return report_error (inv, error);
  return 0;
}

static int
cmd_push (Invocation *inv)
{
  g_autoptr(GError) error = NULL;

  if (!osl_docker_engine_push (inv->engine, arg (inv, 0), inv->out, &error))
    {
      if (strchr (arg (inv, 0), '/') == NULL && osl_docker_engine_find_image (inv->engine, arg (inv, 0)) != NULL)
        g_string_append (inv->notes, _("Only Docker's own official images live in “library/”. Tag the image "
                                       "into your account's namespace first: docker tag my-apache2 "
                                       "student/my-apache2.\n"));
      return report_error (inv, error);
    }
  return 0;
}

static int
cmd_search (Invocation *inv)
{
  g_autoptr(GPtrArray) rows = g_ptr_array_new_with_free_func ((GDestroyNotify) g_strfreev);
  const OslDockerSearchResult *result;
  char **row;

  g_ptr_array_add (rows, g_strdupv ((char *[]) { "NAME", "DESCRIPTION", "STARS", "OFFICIAL", NULL }));
  for (guint i = 0; (result = osl_docker_engine_search (inv->engine, i)) != NULL; i++)
    {
      if (strstr (result->name, arg (inv, 0)) == NULL && strstr (result->description, arg (inv, 0)) == NULL)
        continue;
      row = g_new0 (char *, 5);
      row[0] = g_strdup (result->name);
      row[1] = g_strdup (result->description);
      row[2] = g_strdup_printf ("%u", result->stars);
      row[3] = g_strdup (result->official ? "[OK]" : "");
      g_ptr_array_add (rows, row);
    }
  print_table (inv->out, rows, 4);
  return 0;
}

/* Docker's Ellipsis (20 runes) inside strconv.Quote. */
static char *
quoted_command (const char *command)
{
  if (g_utf8_strlen (command, -1) <= 20)
    return g_strdup_printf ("\"%s\"", command);
  {
    g_autofree char *head = g_utf8_substring (command, 0, 19);
    return g_strdup_printf ("\"%s…\"", head);
  }
}

static int
cmd_ps (Invocation *inv)
{
  GPtrArray *containers = osl_docker_engine_get_containers (inv->engine);
  g_autoptr(GPtrArray) rows = g_ptr_array_new_with_free_func ((GDestroyNotify) g_strfreev);
  gint64 now = osl_docker_engine_get_now (inv->engine);
  gboolean all = flag_set (inv, "all"), quiet = flag_set (inv, "quiet");

  if (!quiet)
    g_ptr_array_add (rows, g_strdupv ((char *[]) { "CONTAINER ID", "IMAGE", "COMMAND", "CREATED", "STATUS",
                                                   "PORTS", "NAMES", NULL }));
  for (guint i = containers->len; i > 0; i--)
    {
      OslDockerContainer *c = containers->pdata[i - 1];
      g_autofree char *created = NULL;
      char **row;

      if (!all && !c->running)
        continue;
      if (quiet)
        {
          g_string_append_printf (inv->out, "%.12s\n", c->id);
          continue;
        }
      created = osl_docker_human_duration (now - c->created_at);
      g_ptr_array_add (c->ports, NULL);
      row = g_new0 (char *, 8);
      row[0] = g_strndup (c->id, 12);
      row[1] = g_strdup (c->image_ref);
      row[2] = quoted_command (c->command);
      row[3] = g_strdup_printf ("%s ago", created);
      row[4] = osl_docker_container_status (c, now);
      row[5] = c->running && !c->restarting ? g_strjoinv (", ", (char **) c->ports->pdata) : g_strdup ("");
      row[6] = g_strdup (c->name);
      g_ptr_array_remove_index (c->ports, c->ports->len - 1);
      g_ptr_array_add (rows, row);
    }
  if (!quiet)
    print_table (inv->out, rows, 7);
  return 0;
}

static int
compare_images_newest_first (gconstpointer a,
                             gconstpointer b)
{
  const OslDockerImage *x = *(OslDockerImage * const *) a, *y = *(OslDockerImage * const *) b;

  return (x->created_at < y->created_at) - (x->created_at > y->created_at);
}

static int
cmd_images (Invocation *inv)
{
  GPtrArray *store = osl_docker_engine_get_images (inv->engine);
  g_autoptr(GPtrArray) images = g_ptr_array_sized_new (store->len);
  g_autoptr(GPtrArray) rows = g_ptr_array_new_with_free_func ((GDestroyNotify) g_strfreev);
  gint64 now = osl_docker_engine_get_now (inv->engine);
  const char *filter = arg (inv, 0);

  for (guint i = 0; i < store->len; i++)
    g_ptr_array_add (images, store->pdata[i]);
  g_ptr_array_sort (images, compare_images_newest_first);
  g_ptr_array_add (rows, g_strdupv ((char *[]) { "REPOSITORY", "TAG", "IMAGE ID", "CREATED", "SIZE", NULL }));
  for (guint i = 0; i < images->len; i++)
    {
      OslDockerImage *image = images->pdata[i];
      g_autofree char *age = osl_docker_human_duration (now - image->created_at);
      guint n_tags = MAX (image->tags->len, 1);

      for (guint t = 0; t < n_tags; t++)
        {
          const char *tag = t < image->tags->len ? image->tags->pdata[t] : NULL;
          const char *colon = tag != NULL ? strrchr (tag, ':') : NULL;
          g_autofree char *repository = tag != NULL ? g_strndup (tag, colon - tag) : g_strdup ("<none>");
          char **row;

          if (filter != NULL && g_strcmp0 (repository, filter) != 0 && g_strcmp0 (tag, filter) != 0)
            continue;
          if (flag_set (inv, "quiet"))
            {
              g_string_append_printf (inv->out, "%.12s\n", image->id);
              continue;
            }
          row = g_new0 (char *, 6);
          row[0] = g_strdup (repository);
          row[1] = g_strdup (colon != NULL ? colon + 1 : "<none>");
          row[2] = g_strndup (image->id, 12);
          row[3] = g_strdup_printf ("%s ago", age);
          row[4] = osl_docker_human_size (osl_docker_image_get_size (image));
          g_ptr_array_add (rows, row);
        }
    }
  if (!flag_set (inv, "quiet"))
    print_table (inv->out, rows, 5);
  return 0;
}

static int
cmd_tag (Invocation *inv)
{
  g_autoptr(GError) error = NULL;

  if (!osl_docker_engine_tag (inv->engine, arg (inv, 0), arg (inv, 1), &error))
    return report_error (inv, error);
  return 0;
}

static int
cmd_rmi (Invocation *inv)
{
  int status = 0;

  for (guint i = 0; i < inv->parsed->args->len; i++)
    {
      g_autoptr(GError) error = NULL;

      if (!osl_docker_engine_rmi (inv->engine, inv->parsed->args->pdata[i], flag_set (inv, "force"),
                                  inv->out, &error))
        status = report_error (inv, error);
    }
  return status;
}

static void
print_docker_usage (GString *out)
{
  g_string_append (out, "\nUsage:  docker [OPTIONS] COMMAND\n\nA self-sufficient runtime for containers\n\n"
                        "Commands:\n");
  for (guint i = 0; i < G_N_ELEMENTS (commands); i++)
    g_string_append_printf (out, "  %-10s %s\n", commands[i].name, commands[i].summary);
  g_string_append (out, "\nRun 'docker COMMAND --help' for more information on a command.\n");
}

static const CommandSpec *
find_command (const char *name)
{
  for (guint i = 0; i < G_N_ELEMENTS (commands); i++)
    if (g_str_equal (commands[i].name, name))
      return &commands[i];
  return NULL;
}

/* "docker container ls" and friends name the same commands. */
static const char *
management_alias (char ***words)
{
  static const struct { const char *group, *verb, *command; } aliases[] = {
    { "container", "run", "run" }, { "container", "create", "create" }, { "container", "start", "start" },
    { "container", "stop", "stop" }, { "container", "restart", "restart" }, { "container", "rm", "rm" },
    { "container", "ls", "ps" }, { "container", "kill", "kill" }, { "container", "pause", "pause" },
    { "container", "unpause", "unpause" }, { "container", "exec", "exec" }, { "container", "attach", "attach" },
    { "container", "commit", "commit" }, { "container", "export", "export" }, { "image", "ls", "images" },
    { "image", "build", "build" }, { "image", "pull", "pull" }, { "image", "push", "push" },
    { "image", "rm", "rmi" }, { "image", "tag", "tag" },
  };

  for (guint i = 0; (*words)[0] != NULL && (*words)[1] != NULL && i < G_N_ELEMENTS (aliases); i++)
    if (g_str_equal ((*words)[0], aliases[i].group) && g_str_equal ((*words)[1], aliases[i].verb))
      {
        *words += 1;
        return aliases[i].command;
      }
  return (*words)[0];
}

/**
 * osl_docker_cli_run_line:
 *
 * Runs one typed line ("docker run -d httpd"). Returns the exit status
 * docker would return. Each line moves the simulated clock on a little.
 */
int
osl_docker_cli_run_line (OslDockerEngine *engine,
                         const char      *line,
                         GString         *out,
                         GString         *err,
                         GString         *notes)
{
  g_auto(GStrv) argv = NULL;
  g_autoptr(Parsed) parsed = parsed_new ();
  g_autoptr(GError) error = NULL;
  const CommandSpec *spec;
  const char *name;
  char **words;
  gboolean help = FALSE;
  Invocation inv;

  osl_docker_engine_clear_events (engine);
  if (strlen (line) > OSL_DOCKER_CLI_MAX_LINE || !g_utf8_validate (line, -1, NULL))
    {
      g_string_append (err, _("This line is too long or not valid text.\n"));
      return 2;
    }
  if (!g_shell_parse_argv (line, NULL, &argv, &error))
    {
      if (!g_error_matches (error, G_SHELL_ERROR, G_SHELL_ERROR_EMPTY_STRING))
        g_string_append_printf (err, _("Cannot split this line into words: %s\n"), error->message);
      return error->code == G_SHELL_ERROR_EMPTY_STRING ? 0 : 2;
    }
  words = argv;
  if (g_str_equal (words[0], "sudo"))
    words++;
  if (words[0] == NULL || !g_str_equal (words[0], "docker"))
    {
      g_string_append_printf (err, _("%s: this terminal only runs docker commands, e.g. “docker ps -a”.\n"),
                              words[0] != NULL ? words[0] : "sudo");
      return 127;
    }
  words++;
  osl_docker_engine_tick (engine, OSL_DOCKER_SECONDS_PER_COMMAND);
  if (words[0] == NULL || g_str_equal (words[0], "--help") || g_str_equal (words[0], "-h") ||
      g_str_equal (words[0], "help"))
    {
      print_docker_usage (words[0] == NULL ? err : out);
      return 0;
    }
  if (g_str_equal (words[0], "--version") || g_str_equal (words[0], "version"))
    {
      g_string_append (out, "Docker version 28.2.2 (simulated)\n");
      return 0;
    }
  name = management_alias (&words);
  spec = find_command (name);
  if (spec == NULL)
    {
      g_string_append_printf (err, "docker: '%s' is not a docker command.\nSee 'docker --help'\n", words[0]);
      return 1;
    }
  inv = (Invocation) { engine, spec, parsed, out, err, notes };
  if (!parse_flags (spec, words + 1, parsed, &help, err))
    {
      print_usage_hint (&inv);
      return 125;
    }
  if (help)
    {
      print_help (spec, out);
      return 0;
    }
  if (!check_arg_count (spec, parsed->args->len, err))
    return is_run_like (spec) ? 125 : 1;
  return spec->run (&inv);
}
