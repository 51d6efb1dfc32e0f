/* osl-docker-shell.c: the programs a simulated container can run
 *
 * Every tool works on the container's merged filesystem, so a write to
 * an image file copies it up, a delete leaves a whiteout, and the engine
 * hears about each change (for the layer drawing).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>
#include <signal.h>
#include <string.h>

#include "osl-docker-shell.h"

typedef int (*ToolFunc) (OslDockerEngine    *engine,
                         OslDockerContainer *c,
                         char              **argv,
                         GString            *out);

typedef struct
{
  const char *name;
  ToolFunc    run;
} Tool;

static const char *const search_path[] = { "/usr/local/bin", "/usr/bin", "/bin" };

static const char *
error_text (const GError *error)
{
  const char *colon = g_strrstr (error->message, ": ");

  return colon != NULL ? colon + 2 : error->message;
}

static void
note (OslDockerEngine    *engine,
      OslDockerContainer *c,
      const char         *path,
      OslOverlayChange    change)
{
  osl_docker_engine_note_file (engine, c, path, change);
}

static int
tool_echo (OslDockerEngine *engine, OslDockerContainer *c, char **argv, GString *out)
{
  g_autofree char *text = g_strjoinv (" ", argv + 1);

  g_string_append_printf (out, "%s\n", text);
  return 0;
}

static int
compare_names (gconstpointer a,
               gconstpointer b)
{
  return strcmp (*(const char * const *) a, *(const char * const *) b);
}

static int
list_one (OslDockerContainer *c,
          const char         *path,
          gboolean            all,
          GString            *out)
{
  g_autoptr(GError) error = NULL;
  const OslOverlayEntry *entry = osl_overlay_lookup (c->rootfs, path, NULL, &error);
  g_autoptr(GPtrArray) names = NULL;

  if (entry == NULL)
    {
      g_string_append_printf (out, "ls: cannot access '%s': %s\n", path, error_text (error));
      return 2;
    }
  if (entry->kind != OSL_OVERLAY_DIR)
    {
      g_string_append_printf (out, "%s\n", path);
      return 0;
    }
  names = osl_overlay_list (c->rootfs, path, NULL);
  g_ptr_array_sort (names, compare_names);
  if (all)
    g_string_append (out, ".\n..\n");
  for (guint i = 0; i < names->len; i++)
    g_string_append_printf (out, "%s\n", (char *) names->pdata[i]);
  return 0;
}

static int
tool_ls (OslDockerEngine *engine, OslDockerContainer *c, char **argv, GString *out)
{
  gboolean all = FALSE, any = FALSE;
  int status = 0;

  for (guint i = 1; argv[i] != NULL; i++)
    if (argv[i][0] == '-')
      all = all || strchr (argv[i], 'a') != NULL;
  for (guint i = 1; argv[i] != NULL; i++)
    if (argv[i][0] != '-')
      {
        int one = list_one (c, argv[i], all, out);

        status = MAX (status, one);
        any = TRUE;
      }
  if (!any)
    status = list_one (c, "/", all, out);
  return status;
}

static int
tool_cat (OslDockerEngine *engine, OslDockerContainer *c, char **argv, GString *out)
{
  int status = 0;

  for (guint i = 1; argv[i] != NULL; i++)
    {
      g_autoptr(GError) error = NULL;
      g_autofree char *text = osl_overlay_read (c->rootfs, argv[i], NULL, &error);

      if (text == NULL)
        {
          g_string_append_printf (out, "cat: %s: %s\n", argv[i], error_text (error));
          status = 1;
        }
      else
        g_string_append (out, text);
    }
  return status;
}

/* touch changes the modification time: metadata, which copies up too. */
static int
tool_touch (OslDockerEngine *engine, OslDockerContainer *c, char **argv, GString *out)
{
  for (guint i = 1; argv[i] != NULL; i++)
    {
      g_autoptr(GError) error = NULL;
      g_autofree char *text = osl_overlay_read (c->rootfs, argv[i], NULL, NULL);
      OslOverlayResult result;

      if (!osl_overlay_write (c->rootfs, argv[i], text != NULL ? text : "", FALSE, &result, &error))
        {
          g_string_append_printf (out, "touch: cannot touch '%s': %s\n", argv[i], error_text (error));
          return 1;
        }
      note (engine, c, argv[i], result.change);
    }
  return 0;
}

static int
tool_rm (OslDockerEngine *engine, OslDockerContainer *c, char **argv, GString *out)
{
  gboolean recursive = FALSE, force = FALSE;
  int status = 0;

  for (guint i = 1; argv[i] != NULL; i++)
    if (argv[i][0] == '-')
      {
        recursive = recursive || strpbrk (argv[i], "rR") != NULL;
        force = force || strchr (argv[i], 'f') != NULL;
      }
  for (guint i = 1; argv[i] != NULL; i++)
    {
      g_autoptr(GError) error = NULL;
      const OslOverlayEntry *entry;
      OslOverlayResult result;

      if (argv[i][0] == '-')
        continue;
      entry = osl_overlay_lookup (c->rootfs, argv[i], NULL, &error);
      if (entry == NULL)
        {
          if (!force)
            g_string_append_printf (out, "rm: cannot remove '%s': %s\n", argv[i], error_text (error));
          status = force ? status : 1;
          continue;
        }
      if (entry->kind == OSL_OVERLAY_DIR && !recursive)
        {
          g_string_append_printf (out, "rm: cannot remove '%s': Is a directory\n", argv[i]);
          status = 1;
          continue;
        }
      if (!osl_overlay_remove (c->rootfs, argv[i], recursive, &result, &error))
        {
          g_string_append_printf (out, "rm: cannot remove '%s': %s\n", argv[i], error_text (error));
          status = 1;
          continue;
        }
      note (engine, c, argv[i], result.change);
    }
  return status;
}

static int
tool_mkdir (OslDockerEngine *engine, OslDockerContainer *c, char **argv, GString *out)
{
  gboolean parents = FALSE;
  int status = 0;

  for (guint i = 1; argv[i] != NULL; i++)
    parents = parents || g_str_equal (argv[i], "-p");
  for (guint i = 1; argv[i] != NULL; i++)
    {
      g_autoptr(GError) error = NULL;
      OslOverlayResult result;

      if (argv[i][0] == '-')
        continue;
      if (parents && osl_overlay_lookup (c->rootfs, argv[i], NULL, NULL) != NULL)
        continue;
      if (!osl_overlay_mkdir (c->rootfs, argv[i], &result, &error))
        {
          g_string_append_printf (out, "mkdir: cannot create directory '%s': %s\n", argv[i], error_text (error));
          status = 1;
          continue;
        }
      note (engine, c, argv[i], result.change);
    }
  return status;
}

/* What mv does when rename() fails with EXDEV: copy the tree, then delete. */
static gboolean
copy_tree (OslDockerEngine    *engine,
           OslDockerContainer *c,
           const char         *from,
           const char         *to,
           GError            **error)
{
  const OslOverlayEntry *entry = osl_overlay_lookup (c->rootfs, from, NULL, error);
  g_autoptr(GPtrArray) names = NULL;
  OslOverlayResult result;

  if (entry == NULL)
    return FALSE;
  if (entry->kind == OSL_OVERLAY_FILE)
    {
      if (!osl_overlay_write (c->rootfs, to, entry->content, FALSE, &result, error))
        return FALSE;
      note (engine, c, to, result.change);
      return TRUE;
    }
  if (!osl_overlay_mkdir (c->rootfs, to, &result, error))
    return FALSE;
  note (engine, c, to, result.change);
  names = osl_overlay_list (c->rootfs, from, error);
  for (guint i = 0; names != NULL && i < names->len; i++)
    {
      g_autofree char *child_from = g_build_path ("/", from, names->pdata[i], NULL);
      g_autofree char *child_to = g_build_path ("/", to, names->pdata[i], NULL);

      if (!copy_tree (engine, c, child_from, child_to, error))
        return FALSE;
    }
  return names != NULL;
}

static int
tool_mv (OslDockerEngine *engine, OslDockerContainer *c, char **argv, GString *out)
{
  g_autoptr(GError) error = NULL;
  OslOverlayResult result;

  if (argv[1] == NULL || argv[2] == NULL)
    {
      g_string_append (out, "mv: missing destination file operand\n");
      return 1;
    }
  if (osl_overlay_rename (c->rootfs, argv[1], argv[2], &result, &error))
    {
      note (engine, c, argv[1], OSL_OVERLAY_CHANGE_WHITEOUT);
      note (engine, c, argv[2], result.change);
      return 0;
    }
  if (g_error_matches (error, OSL_OVERLAY_ERROR, OSL_OVERLAY_ERROR_CROSS_DEVICE))
    {
      g_clear_error (&error);
      if (copy_tree (engine, c, argv[1], argv[2], &error) &&
          osl_overlay_remove (c->rootfs, argv[1], TRUE, &result, &error))
        {
          note (engine, c, argv[1], result.change);
          return 0;
        }
    }
  g_string_append_printf (out, "mv: cannot move '%s' to '%s': %s\n", argv[1], argv[2], error_text (error));
  return 1;
}

static int
tool_hostname (OslDockerEngine *engine, OslDockerContainer *c, char **argv, GString *out)
{
  OslNsSet *set = osl_ns_host_get_set (osl_docker_engine_get_host (engine), c->ns_set);

  g_string_append_printf (out, "%s\n", set->hostname);
  return 0;
}

/* ps sees its own PID namespace only: PID 1 is the container's command. */
static int
tool_ps (OslDockerEngine *engine, OslDockerContainer *c, char **argv, GString *out)
{
  OslNsHost *host = osl_docker_engine_get_host (engine);
  OslNsProcess *self = osl_ns_host_spawn (host, c->ns_set, c->init_host_pid, "ps", TRUE);
  guint self_pid = self->host_pid;
  g_autoptr(GPtrArray) visible = osl_ns_host_visible (host, c->ns_set);

  g_string_append (out, "    PID COMMAND\n");
  for (guint i = 0; i < visible->len; i++)
    {
      OslNsProcess *process = visible->pdata[i];
      g_string_append_printf (out, "%7u %s\n", process->ns_pid, process->command);
    }
  osl_ns_host_exit (host, self_pid);
  return 0;
}

static int
tool_ip (OslDockerEngine *engine, OslDockerContainer *c, char **argv, GString *out)
{
  OslNsSet *set = osl_ns_host_get_set (osl_docker_engine_get_host (engine), c->ns_set);

  for (guint i = 0; i < set->interfaces->len; i++)
    g_string_append_printf (out, "%u: %s\n", i + 1, (char *) set->interfaces->pdata[i]);
  return 0;
}

/* kill from inside: PID 1 ignores every signal it has no handler for,
 * SIGKILL included (pid_namespaces(7)). */
static int
tool_kill (OslDockerEngine *engine, OslDockerContainer *c, char **argv, GString *out)
{
  OslNsHost *host = osl_docker_engine_get_host (engine);
  int signo = SIGTERM;

  for (guint i = 1; argv[i] != NULL; i++)
    {
      OslNsProcess *target;
      guint64 pid;

      if (g_str_equal (argv[i], "-9") || g_str_equal (argv[i], "-KILL") || g_str_equal (argv[i], "-SIGKILL"))
        {
          signo = SIGKILL;
          continue;
        }
      if (argv[i][0] == '-')
        continue;
      if (!g_ascii_string_to_unsigned (argv[i], 10, 1, G_MAXUINT, &pid, NULL) ||
          (target = osl_ns_host_find (host, c->ns_set, (guint) pid)) == NULL)
        {
          g_string_append_printf (out, "kill: (%s) - No such process\n", argv[i]);
          return 1;
        }
      if (!osl_ns_signal_is_delivered (host, c->ns_set, target, signo))
        continue;
      if (target->ns_pid == 1)
        {
          c->manually_stopped = FALSE;
          osl_docker_engine_main_exited (engine, c, signo == SIGTERM ? 0 : 128 + signo);
          return 0;
        }
      osl_ns_host_exit (host, target->host_pid);
    }
  return 0;
}

static int
tool_sleep (OslDockerEngine *engine, OslDockerContainer *c, char **argv, GString *out)
{
  return 0;
}

/* An exec'd stress over memory.max: the OOM killer picks a process in the
 * cgroup (the stress worker), not necessarily the container's PID 1. */
static int
tool_stress (OslDockerEngine *engine, OslDockerContainer *c, char **argv, GString *out)
{
  gint64 bytes = osl_docker_shell_stress_bytes (argv);

  g_string_append (out, "stress: info: [7] dispatching hogs: 0 cpu, 0 io, 1 vm, 0 hdd\n");
  if (c->memory_max != OSL_CGROUP_MAX && bytes > c->memory_max)
    {
      g_string_append (out, "stress: FAIL: [7] (415) <-- worker 8 got signal 9\n"
                            "stress: WARN: [7] (417) now reaping child worker processes\n"
                            "stress: FAIL: [7] (451) failed run completed in 0s\n");
      return 1;
    }
  return 0;
}

static const Tool tools[] = {
  { "cat", tool_cat }, { "echo", tool_echo }, { "hostname", tool_hostname }, { "ip", tool_ip },
  { "kill", tool_kill }, { "ls", tool_ls }, { "mkdir", tool_mkdir }, { "mv", tool_mv },
  { "ps", tool_ps }, { "rm", tool_rm }, { "sleep", tool_sleep }, { "stress", tool_stress },
  { "touch", tool_touch },
};

static const Tool *
find_tool (const char *name)
{
  for (guint i = 0; i < G_N_ELEMENTS (tools); i++)
    if (g_str_equal (tools[i].name, name))
      return &tools[i];
  return NULL;
}

static const char *
base_name (const char *path)
{
  const char *slash = strrchr (path, '/');

  return slash != NULL ? slash + 1 : path;
}

static gboolean
exists (OslDockerContainer *c,
        const char         *path)
{
  return osl_overlay_lookup (c->rootfs, path, NULL, NULL) != NULL;
}

/* Looks a command up as the kernel's execve would after $PATH: servers
 * and stress need their own binary; the small tools come with any image
 * that has a shell (coreutils or busybox). */
static gboolean
is_installed (OslDockerContainer *c,
              const char         *command)
{
  const char *name = base_name (command);

  if (command[0] == '/')
    return exists (c, command) || (find_tool (name) != NULL && exists (c, "/bin/sh"));
  for (guint i = 0; i < G_N_ELEMENTS (search_path); i++)
    {
      g_autofree char *path = g_build_filename (search_path[i], name, NULL);
      if (exists (c, path))
        return TRUE;
    }
  if (g_str_equal (name, "nginx"))
    return exists (c, "/etc/nginx/nginx.conf");
  return (find_tool (name) != NULL && !g_str_equal (name, "stress")) && exists (c, "/bin/sh");
}

OslDockerProgram
osl_docker_shell_classify (OslDockerContainer  *c,
                           char               **argv)
{
  const char *name;

  if (argv == NULL || argv[0] == NULL || !is_installed (c, argv[0]))
    return OSL_DOCKER_PROGRAM_MISSING;
  name = base_name (argv[0]);
  if (g_str_equal (name, "httpd-foreground") || g_str_equal (name, "nginx") ||
      g_str_equal (name, "docker-entrypoint.sh") || g_str_equal (name, "httpd"))
    return OSL_DOCKER_PROGRAM_SERVER;
  if (g_str_equal (name, "sh") || g_str_equal (name, "bash"))
    return OSL_DOCKER_PROGRAM_SHELL;
  if (g_str_equal (name, "sleep"))
    return OSL_DOCKER_PROGRAM_SLEEP;
  if (g_str_equal (name, "stress"))
    return OSL_DOCKER_PROGRAM_STRESS;
  return OSL_DOCKER_PROGRAM_TOOL;
}

/* Servers install a SIGTERM handler; shells and sleep as PID 1 do not. */
gboolean
osl_docker_program_handles_sigterm (OslDockerProgram program)
{
  return program == OSL_DOCKER_PROGRAM_SERVER;
}

char *
osl_docker_shell_startup_log (OslDockerContainer *c)
{
  if (exists (c, "/etc/nginx/nginx.conf"))
    return g_strdup ("/docker-entrypoint.sh: Configuration complete; ready for start up\n");
  return g_strdup_printf ("AH00558: httpd: Could not reliably determine the server's fully qualified domain "
                          "name, using %s. Set the 'ServerName' directive globally to suppress this message\n"
                          "AH00489: Apache/2.4 (Unix) configured -- resuming normal operations\n",
                          c->address != NULL ? c->address : "172.17.0.2");
}

/* "stress --vm 1 --vm-bytes 150M" → 150 MiB; 0 when not given. */
gint64
osl_docker_shell_stress_bytes (char **argv)
{
  for (guint i = 0; argv[i] != NULL && argv[i + 1] != NULL; i++)
    if (g_str_equal (argv[i], "--vm-bytes"))
      {
        gint64 bytes = 0;
        return osl_docker_parse_memory (argv[i + 1], &bytes, NULL) ? bytes : 0;
      }
  return 0;
}

/* sh -c "COMMAND [> FILE | >> FILE]": one command, one redirection. */
static int
run_shell_line (OslDockerEngine    *engine,
                OslDockerContainer *c,
                const char         *line,
                GString            *out)
{
  g_auto(GStrv) argv = NULL;
  g_autoptr(GString) captured = g_string_new (NULL);
  g_autofree char *target = NULL;
  gboolean append = FALSE;
  OslOverlayResult result;
  g_autoptr(GError) error = NULL;
  int status;
  guint n;

  if (!g_shell_parse_argv (line, NULL, &argv, NULL))
    {
      g_string_append_printf (out, "sh: 1: Syntax error: Unterminated quoted string\n");
      return 2;
    }
  n = g_strv_length (argv);
  if (n >= 2 && (g_str_equal (argv[n - 2], ">") || g_str_equal (argv[n - 2], ">>")))
    {
      append = g_str_equal (argv[n - 2], ">>");
      target = g_steal_pointer (&argv[n - 1]);
      g_clear_pointer (&argv[n - 2], g_free);
    }
  if (argv[0] == NULL || find_tool (base_name (argv[0])) == NULL)
    {
      g_string_append_printf (out, "sh: 1: %s: not found\n", argv[0] != NULL ? argv[0] : "");
      return 127;
    }
  status = find_tool (base_name (argv[0]))->run (engine, c, argv, target != NULL ? captured : out);
  if (target == NULL)
    return status;
  if (!osl_overlay_write (c->rootfs, target, captured->str, append, &result, &error))
    {
      g_string_append_printf (out, "sh: 1: cannot create %s: %s\n", target, error_text (error));
      return 2;
    }
  note (engine, c, target, result.change);
  return status;
}

int
osl_docker_shell_run (OslDockerEngine    *engine,
                      OslDockerContainer *c,
                      char              **argv,
                      GString            *out)
{
  const char *name = base_name (argv[0]);
  const Tool *tool;

  if ((g_str_equal (name, "sh") || g_str_equal (name, "bash")) && argv[1] != NULL)
    {
      if (g_str_equal (argv[1], "-c") && argv[2] != NULL)
        return run_shell_line (engine, c, argv[2], out);
      g_string_append_printf (out, "%s: %s: No such file or directory\n", name, argv[1]);
      return 127;
    }
  if (g_str_equal (name, "hello"))
    {
      g_string_append (out, "\nHello from Docker!\nThis message shows that your installation appears to be "
                            "working correctly.\n");
      return 0;
    }
  tool = find_tool (name);
  return tool != NULL ? tool->run (engine, c, argv, out) : 0;
}
