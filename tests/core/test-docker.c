/* test-docker.c: the Docker engine's state machine and its wording
 *
 * Expected texts are moby's and docker/cli's messages as listed in the
 * project's container reference (v28.2 wording for rm).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "osl-docker-cli.h"

typedef struct
{
  OslDockerEngine *engine;
  GString         *out;
  GString         *err;
  GString         *notes;
} Session;

static void
session_init (Session *s)
{
  s->engine = osl_docker_engine_new ();
  s->out = g_string_new (NULL);
  s->err = g_string_new (NULL);
  s->notes = g_string_new (NULL);
}

static void
session_clear (Session *s)
{
  osl_docker_engine_free (s->engine);
  g_string_free (s->out, TRUE);
  g_string_free (s->err, TRUE);
  g_string_free (s->notes, TRUE);
}

static int
run (Session    *s,
     const char *line)
{
  g_string_truncate (s->out, 0);
  g_string_truncate (s->err, 0);
  g_string_truncate (s->notes, 0);
  return osl_docker_cli_run_line (s->engine, line, s->out, s->err, s->notes);
}

static OslDockerState
state_of (Session    *s,
          const char *name)
{
  OslDockerContainer *c = osl_docker_engine_find_container (s->engine, name, NULL);

  return c != NULL ? osl_docker_container_get_state (c) : OSL_DOCKER_GONE;
}

static const char *
id_of (Session    *s,
       const char *name)
{
  return osl_docker_engine_find_container (s->engine, name, NULL)->id;
}

/* The lecture's cards 46–49: build, run with -p -dit --name, ps -a, stop, rm. */
static void
test_lecture_commands (void)
{
  Session s;

  session_init (&s);
  g_assert_cmpint (run (&s, "docker build -t my-apache2 ."), ==, 0);
  g_assert_true (g_str_has_suffix (s.out->str, "Successfully tagged my-apache2:latest\n"));
  g_assert_cmpint (run (&s, "docker run -p 80:80 -dit --name my-app my-apache2"), ==, 0);
  g_assert_cmpuint (strlen (s.out->str), ==, 65);   /* 64 hex digits and a newline */
  g_assert_cmpint (state_of (&s, "my-app"), ==, OSL_DOCKER_RUNNING);
  run (&s, "docker ps -a");
  g_assert_true (g_str_has_prefix (s.out->str, "CONTAINER ID   IMAGE        COMMAND              CREATED         "
                                               "STATUS         PORTS                NAMES\n"));
  g_assert_nonnull (strstr (s.out->str, "\"httpd-foreground\"   5 seconds ago   Up 5 seconds   "
                                        "0.0.0.0:80->80/tcp   my-app\n"));
  g_assert_cmpint (run (&s, "docker stop my-app"), ==, 0);
  g_assert_cmpstr (s.out->str, ==, "my-app\n");
  g_assert_cmpint (state_of (&s, "my-app"), ==, OSL_DOCKER_EXITED);
  g_assert_cmpint (run (&s, "docker rm my-app"), ==, 0);
  g_assert_cmpstr (s.out->str, ==, "my-app\n");
  g_assert_cmpint (state_of (&s, "my-app"), ==, OSL_DOCKER_GONE);
  session_clear (&s);
}

/* 304 Not Modified: the CLI prints the name and exits 0. */
static void
test_no_ops (void)
{
  Session s;

  session_init (&s);
  run (&s, "docker run -d --name web httpd");
  g_assert_cmpint (run (&s, "docker start web"), ==, 0);
  g_assert_cmpstr (s.out->str, ==, "web\n");
  g_assert_cmpstr (s.err->str, ==, "");
  run (&s, "docker stop web");
  g_assert_cmpint (run (&s, "docker stop web"), ==, 0);
  g_assert_cmpstr (s.out->str, ==, "web\n");
  g_assert_cmpint (state_of (&s, "web"), ==, OSL_DOCKER_EXITED);
  session_clear (&s);
}

static void
test_invalid_transitions (void)
{
  Session s;
  g_autofree char *expected = NULL;

  session_init (&s);
  run (&s, "docker run -d --name web httpd");
  g_assert_cmpint (run (&s, "docker rm web"), ==, 1);
  g_assert_cmpstr (s.err->str, ==, "Error response from daemon: cannot remove container \"web\": container is "
                                   "running: stop the container before removing or force remove\n");
  run (&s, "docker pause web");
  g_assert_cmpint (state_of (&s, "web"), ==, OSL_DOCKER_PAUSED);
  run (&s, "docker rm web");
  g_assert_cmpstr (s.err->str, ==, "Error response from daemon: cannot remove container \"web\": container is "
                                   "paused and must be unpaused first\n");
  run (&s, "docker start web");
  g_assert_cmpstr (s.err->str, ==, "Error response from daemon: cannot start a paused container, try unpause "
                                   "instead\nError: failed to start containers: web\n");
  run (&s, "docker pause web");
  expected = g_strdup_printf ("Error response from daemon: container %s is already paused\n", id_of (&s, "web"));
  g_assert_cmpstr (s.err->str, ==, expected);
  g_clear_pointer (&expected, g_free);
  run (&s, "docker exec web ls");
  expected = g_strdup_printf ("Error response from daemon: Container %s is paused, unpause the container "
                              "before exec\n", id_of (&s, "web"));
  g_assert_cmpstr (s.err->str, ==, expected);
  g_clear_pointer (&expected, g_free);
  run (&s, "docker attach web");
  g_assert_cmpstr (s.err->str, ==, "cannot attach to a paused container, unpause it first\n");
  run (&s, "docker unpause web");
  run (&s, "docker unpause web");
  expected = g_strdup_printf ("Error response from daemon: Container %s is not paused\n", id_of (&s, "web"));
  g_assert_cmpstr (s.err->str, ==, expected);
  g_clear_pointer (&expected, g_free);
  run (&s, "docker kill web");
  g_assert_cmpint (osl_docker_engine_find_container (s.engine, "web", NULL)->exit_code, ==, 137);
  run (&s, "docker kill web");
  expected = g_strdup_printf ("Error response from daemon: cannot kill container: web: container %s is not "
                              "running\n", id_of (&s, "web"));
  g_assert_cmpstr (s.err->str, ==, expected);
  g_clear_pointer (&expected, g_free);
  run (&s, "docker pause web");
  expected = g_strdup_printf ("Error response from daemon: container %s is not running\n", id_of (&s, "web"));
  g_assert_cmpstr (s.err->str, ==, expected);
  g_clear_pointer (&expected, g_free);
  run (&s, "docker exec web ls");
  expected = g_strdup_printf ("Error response from daemon: container %s is not running\n", id_of (&s, "web"));
  g_assert_cmpstr (s.err->str, ==, expected);
  run (&s, "docker attach web");
  g_assert_cmpstr (s.err->str, ==, "cannot attach to a stopped container, start it first\n");
  run (&s, "docker stop nothing");
  g_assert_cmpstr (s.err->str, ==, "Error response from daemon: No such container: nothing\n");
  session_clear (&s);
}

static void
test_name_conflict (void)
{
  Session s;
  g_autofree char *expected = NULL;

  session_init (&s);
  run (&s, "docker create --name web httpd");
  g_assert_cmpint (state_of (&s, "web"), ==, OSL_DOCKER_CREATED);
  g_assert_cmpint (run (&s, "docker run --name web httpd"), ==, 125);
  expected = g_strdup_printf ("docker: Error response from daemon: Conflict. The container name \"/web\" is "
                              "already in use by container \"%s\". You have to remove (or rename) that container "
                              "to be able to reuse that name.\nSee 'docker run --help'.\n", id_of (&s, "web"));
  g_assert_cmpstr (s.err->str, ==, expected);
  session_clear (&s);
}

/* Seven states, derived from the flags; restarting and dead reachable. */
static void
test_all_states (void)
{
  Session s;
  gboolean seen[OSL_DOCKER_N_STATES] = { FALSE };
  GArray *events;

  session_init (&s);
  run (&s, "docker create --name app httpd");
  seen[state_of (&s, "app")] = TRUE;
  run (&s, "docker start app");
  seen[state_of (&s, "app")] = TRUE;
  run (&s, "docker pause app");
  seen[state_of (&s, "app")] = TRUE;
  run (&s, "docker run -d --restart always --name loop ubuntu");
  seen[state_of (&s, "loop")] = TRUE;
  g_assert_nonnull (strstr (s.notes->str, "restarting"));
  run (&s, "docker rm loop");
  g_assert_cmpstr (s.err->str, ==, "Error response from daemon: cannot remove container \"loop\": container is "
                                   "restarting: stop the container before removing or force remove\n");
  run (&s, "docker stop loop");
  seen[state_of (&s, "loop")] = TRUE;
  osl_docker_engine_set_removal_fails (s.engine, TRUE);
  g_assert_cmpint (run (&s, "docker rm loop"), ==, 1);
  seen[state_of (&s, "loop")] = TRUE;
  events = osl_docker_engine_get_events (s.engine);
  g_assert_cmpuint (events->len, ==, 2);
  g_assert_cmpint (g_array_index (events, OslDockerEvent, 0).to, ==, OSL_DOCKER_REMOVING);
  g_assert_cmpint (g_array_index (events, OslDockerEvent, 1).to, ==, OSL_DOCKER_DEAD);
  seen[OSL_DOCKER_REMOVING] = TRUE;
  run (&s, "docker start loop");
  g_assert_cmpstr (s.err->str, ==, "Error response from daemon: container is marked for removal and cannot be "
                                   "started\nError: failed to start containers: loop\n");
  osl_docker_engine_set_removal_fails (s.engine, FALSE);
  g_assert_cmpint (run (&s, "docker rm loop"), ==, 0);
  for (guint i = 0; i < OSL_DOCKER_N_STATES; i++)
    g_assert_true (seen[i]);
  g_assert_cmpstr (osl_docker_state_to_string (OSL_DOCKER_EXITED), ==, "exited");
  session_clear (&s);
}

static void
test_force_remove (void)
{
  Session s;

  session_init (&s);
  run (&s, "docker run -d --name web httpd");
  run (&s, "docker pause web");
  g_assert_cmpint (run (&s, "docker rm -f web"), ==, 0);
  g_assert_cmpstr (s.out->str, ==, "web\n");
  g_assert_cmpint (state_of (&s, "web"), ==, OSL_DOCKER_GONE);
  session_clear (&s);
}

/* PID 1 without a SIGTERM handler: stop waits 10 s, then SIGKILL → 137. */
static void
test_stop_exit_codes (void)
{
  Session s;
  gint64 before;

  session_init (&s);
  run (&s, "docker run -d --name web httpd");
  run (&s, "docker run -d --name nap alpine sleep 1000");
  run (&s, "docker stop web");
  g_assert_cmpint (osl_docker_engine_find_container (s.engine, "web", NULL)->exit_code, ==, 0);
  before = osl_docker_engine_get_now (s.engine);
  run (&s, "docker stop nap");
  g_assert_cmpint (osl_docker_engine_get_now (s.engine) - before, ==, OSL_DOCKER_SECONDS_PER_COMMAND + 10);
  g_assert_cmpint (osl_docker_engine_find_container (s.engine, "nap", NULL)->exit_code, ==, 137);
  run (&s, "docker start nap");
  run (&s, "docker kill -s TERM nap");
  g_assert_cmpint (state_of (&s, "nap"), ==, OSL_DOCKER_RUNNING);
  g_assert_nonnull (strstr (s.notes->str, "still running"));
  session_clear (&s);
}

static void
test_oom_kill (void)
{
  Session s;
  OslDockerContainer *c;

  session_init (&s);
  g_assert_cmpint (run (&s, "docker run -m 100m --name hog polinux/stress stress --vm 1 --vm-bytes 150M"), ==, 137);
  c = osl_docker_engine_find_container (s.engine, "hog", NULL);
  g_assert_true (c->oom_killed);
  g_assert_cmpint (c->exit_code, ==, 137);
  g_assert_cmpint (c->memory_max, ==, 100 * 1024 * 1024);
  g_assert_cmpint (osl_docker_container_get_state (c), ==, OSL_DOCKER_EXITED);
  g_assert_cmpint (run (&s, "docker run -m 200m --name ok polinux/stress stress --vm 1 --vm-bytes 150M"), ==, 0);
  g_assert_cmpint (state_of (&s, "ok"), ==, OSL_DOCKER_RUNNING);
  session_clear (&s);
}

static void
test_cli_errors (void)
{
  Session s;

  session_init (&s);
  g_assert_cmpint (run (&s, "docker foo"), ==, 1);
  g_assert_cmpstr (s.err->str, ==, "docker: 'foo' is not a docker command.\nSee 'docker --help'\n");
  g_assert_cmpint (run (&s, "docker run --foo httpd"), ==, 125);
  g_assert_cmpstr (s.err->str, ==, "unknown flag: --foo\nSee 'docker run --help'.\n");
  run (&s, "docker ps -z");
  g_assert_cmpstr (s.err->str, ==, "unknown shorthand flag: 'z' in -z\nSee 'docker ps --help'.\n");
  run (&s, "docker run --name");
  g_assert_cmpstr (s.err->str, ==, "flag needs an argument: --name\nSee 'docker run --help'.\n");
  g_assert_cmpint (run (&s, "docker start"), ==, 1);
  g_assert_cmpstr (s.err->str, ==, "\"docker start\" requires at least 1 argument.\nSee 'docker start --help'.\n\n"
                                   "Usage:  docker start [OPTIONS] CONTAINER [CONTAINER...]\n\n"
                                   "Start one or more stopped containers\n");
  run (&s, "docker ps x");
  g_assert_true (g_str_has_prefix (s.err->str, "\"docker ps\" accepts no arguments.\n"));
  run (&s, "docker build");
  g_assert_true (g_str_has_prefix (s.err->str, "\"docker build\" requires exactly 1 argument.\n"));
  run (&s, "docker run nosuchimage");
  g_assert_cmpstr (s.err->str, ==, "Unable to find image 'nosuchimage:latest' locally\ndocker: Error response from "
                                   "daemon: pull access denied for nosuchimage, repository does not exist or may "
                                   "require 'docker login': denied: requested access to the resource is denied.\n"
                                   "See 'docker run --help'.\n");
  run (&s, "docker run Httpd");
  g_assert_cmpstr (s.err->str, ==, "docker: invalid reference format: repository name (library/Httpd) must be "
                                   "lowercase.\nSee 'docker run --help'.\n");
  /* The slides' en dash: Docker reads "–name" as the image; the app says why. */
  run (&s, "docker run –name x httpd");
  g_assert_cmpstr (s.err->str, ==, "docker: invalid reference format.\nSee 'docker run --help'.\n");
  g_assert_nonnull (strstr (s.notes->str, "--name"));
  run (&s, "docker run -m abc httpd");
  g_assert_cmpstr (s.err->str, ==, "invalid argument \"abc\" for \"-m, --memory\" flag: invalid size: 'abc'\n"
                                   "See 'docker run --help'.\n");
  run (&s, "docker run --cpus 3 httpd");
  g_assert_cmpstr (s.err->str, ==, "docker: Error response from daemon: Range of CPUs is from 0.01 to 2.00, as "
                                   "there are only 2 CPUs available.\nSee 'docker run --help'.\n");
  run (&s, "docker export nothing");
  g_assert_cmpstr (s.err->str, ==, "Error response from daemon: No such container: nothing\n");
  run (&s, "ls -l");
  g_assert_nonnull (strstr (s.err->str, "only runs docker commands"));
  g_assert_cmpint (run (&s, "   "), ==, 0);
  session_clear (&s);
}

static void
test_images_and_registry (void)
{
  Session s;
  g_autofree char *expected = NULL;

  session_init (&s);
  run (&s, "docker pull httpd");
  g_assert_true (g_str_has_prefix (s.out->str, "Using default tag: latest\nlatest: Pulling from library/httpd\n"));
  g_assert_true (g_str_has_suffix (s.out->str, "Status: Downloaded newer image for httpd:latest\n"
                                               "docker.io/library/httpd:latest\n"));
  /* nginx shares the Debian base layer with httpd. */
  run (&s, "docker pull nginx");
  g_assert_nonnull (strstr (s.out->str, ": Already exists\n"));
  g_assert_nonnull (strstr (s.out->str, ": Pull complete\n"));
  run (&s, "docker run -d --name web httpd");
  run (&s, "docker rmi httpd");
  expected = g_strdup_printf ("Error response from daemon: conflict: unable to remove repository reference "
                              "\"httpd\" (must force) - container %.12s is using its referenced image %.12s\n",
                              id_of (&s, "web"), osl_docker_engine_find_image (s.engine, "httpd")->id);
  g_assert_cmpstr (s.err->str, ==, expected);
  run (&s, "docker images");
  g_assert_true (g_str_has_prefix (s.out->str, "REPOSITORY   TAG       IMAGE ID       CREATED       SIZE\n"));
  g_assert_nonnull (strstr (s.out->str, "   148MB\n"));
  run (&s, "docker push httpd");
  g_assert_cmpstr (s.err->str, ==, "denied: requested access to the resource is denied\n");
  run (&s, "docker tag httpd student/web");
  g_assert_cmpint (run (&s, "docker push student/web"), ==, 0);
  g_assert_true (g_str_has_prefix (s.out->str, "Using default tag: latest\nThe push refers to repository "
                                               "[docker.io/student/web]\n"));
  run (&s, "docker rmi nginx");
  g_assert_true (g_str_has_prefix (s.out->str, "Untagged: nginx:latest\nDeleted: sha256:"));
  run (&s, "docker search nginx");
  g_assert_cmpstr (s.out->str, ==, "NAME      DESCRIPTION                STARS     OFFICIAL\n"
                                   "nginx     Official build of Nginx.   20000     [OK]\n");
  session_clear (&s);
}

/* Equal sessions print equal text: ids and times are deterministic. */
static void
test_deterministic (void)
{
  const char *lines[] = { "docker run -d httpd", "docker run -d httpd", "docker ps -a", "docker commit "
                          "brave_babbage", NULL };
  g_autoptr(GString) first = g_string_new (NULL);
  g_autoptr(GString) second = g_string_new (NULL);

  for (guint round = 0; round < 2; round++)
    {
      Session s;

      session_init (&s);
      for (guint i = 0; lines[i] != NULL; i++)
        {
          run (&s, lines[i]);
          g_string_append (round == 0 ? first : second, s.out->str);
          g_string_append (round == 0 ? first : second, s.err->str);
        }
      session_clear (&s);
    }
  g_assert_cmpstr (first->str, ==, second->str);
}

static void
test_exec_and_commit (void)
{
  Session s;
  OslDockerImage *image;

  session_init (&s);
  run (&s, "docker run -d --name web httpd");
  run (&s, "docker exec web sh -c \"echo hello > /usr/local/apache2/htdocs/index.html\"");
  run (&s, "docker exec web cat /usr/local/apache2/htdocs/index.html");
  g_assert_cmpstr (s.out->str, ==, "hello\n");
  g_assert_cmpint (run (&s, "docker exec web nosuch"), ==, 126);
  g_assert_cmpstr (s.err->str, ==, "OCI runtime exec failed: exec failed: unable to start container process: "
                                   "exec: \"nosuch\": executable file not found in $PATH: unknown\n");
  run (&s, "docker commit web student/web:v2");
  g_assert_true (g_str_has_prefix (s.out->str, "sha256:"));
  image = osl_docker_engine_find_image (s.engine, "student/web:v2");
  g_assert_nonnull (image);
  g_assert_cmpuint (image->layers->len, ==, 3);   /* debian + httpd + the committed container layer */
  g_assert_cmpint (state_of (&s, "web"), ==, OSL_DOCKER_RUNNING);
  run (&s, "docker export web");
  g_assert_cmpstr (s.err->str, ==, "cowardly refusing to save to a terminal. Use the -o flag or redirect\n");
  g_assert_cmpint (run (&s, "docker export -o web.tar web"), ==, 0);
  session_clear (&s);
}

/* --rm: the container is removed as soon as it exits, however it exits. */
static void
test_auto_remove (void)
{
  Session s;

  session_init (&s);
  g_assert_cmpint (run (&s, "docker run --rm --name once hello-world"), ==, 0);
  g_assert_nonnull (strstr (s.out->str, "Hello from Docker!"));
  g_assert_cmpint (state_of (&s, "once"), ==, OSL_DOCKER_GONE);
  run (&s, "docker run -d --rm --name web httpd");
  g_assert_cmpint (run (&s, "docker kill web"), ==, 0);
  g_assert_cmpint (state_of (&s, "web"), ==, OSL_DOCKER_GONE);
  run (&s, "docker create --rm --name later alpine echo hi");
  g_assert_cmpint (run (&s, "docker start later"), ==, 0);
  g_assert_cmpint (state_of (&s, "later"), ==, OSL_DOCKER_GONE);
  run (&s, "docker run --rm -m 100m --name hog polinux/stress stress --vm 1 --vm-bytes 150M");
  g_assert_cmpint (state_of (&s, "hog"), ==, OSL_DOCKER_GONE);
  g_assert_cmpint (run (&s, "docker run --rm --restart always alpine"), ==, 125);
  g_assert_cmpstr (s.err->str, ==, "docker: conflicting options: cannot specify both --restart and --rm.\n"
                                   "See 'docker run --help'.\n");
  session_clear (&s);
}

static void
test_formatting (void)
{
  g_autofree char *a = osl_docker_human_duration (59);
  g_autofree char *b = osl_docker_human_duration (60);
  g_autofree char *c = osl_docker_human_duration (3 * 3600);
  g_autofree char *d = osl_docker_human_duration (14 * 24 * 3600);
  g_autofree char *e = osl_docker_human_size (13256);
  g_autofree char *f = osl_docker_human_size (148000000);

  g_assert_cmpstr (a, ==, "59 seconds");
  g_assert_cmpstr (b, ==, "About a minute");
  g_assert_cmpstr (c, ==, "3 hours");
  g_assert_cmpstr (d, ==, "2 weeks");
  g_assert_cmpstr (e, ==, "13.3kB");
  g_assert_cmpstr (f, ==, "148MB");
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/docker/lecture-commands", test_lecture_commands);
  g_test_add_func ("/docker/no-ops", test_no_ops);
  g_test_add_func ("/docker/invalid-transitions", test_invalid_transitions);
  g_test_add_func ("/docker/name-conflict", test_name_conflict);
  g_test_add_func ("/docker/all-states", test_all_states);
  g_test_add_func ("/docker/force-remove", test_force_remove);
  g_test_add_func ("/docker/stop-exit-codes", test_stop_exit_codes);
  g_test_add_func ("/docker/oom-kill", test_oom_kill);
  g_test_add_func ("/docker/cli-errors", test_cli_errors);
  g_test_add_func ("/docker/images-and-registry", test_images_and_registry);
  g_test_add_func ("/docker/deterministic", test_deterministic);
  g_test_add_func ("/docker/exec-and-commit", test_exec_and_commit);
  g_test_add_func ("/docker/auto-remove", test_auto_remove);
  g_test_add_func ("/docker/formatting", test_formatting);
  return g_test_run ();
}
