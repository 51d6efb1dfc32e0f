/* test-docker-namespaces.c: what a container sees (namespaces(7),
 * pid_namespaces(7)), through the engine and on its own
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include <signal.h>

#include "osl-docker-cli.h"

static void
test_kinds (void)
{
  guint created = 0;

  g_assert_cmpstr (osl_ns_kind_get_info (OSL_NS_MNT)->clone_flag, ==, "CLONE_NEWNS");
  g_assert_cmpstr (osl_ns_kind_get_info (OSL_NS_CGROUP)->since, ==, "4.6");
  g_assert_cmpstr (osl_ns_kind_get_info (OSL_NS_TIME)->since, ==, "5.6");
  for (guint k = 0; k < OSL_NS_N_KINDS; k++)
    created += osl_ns_kind_get_info (k)->docker_default;
  g_assert_cmpuint (created, ==, 6);   /* not user, not time */
}

/* PID 1 inside, an ordinary PID on the host; own hostname and eth0. */
static void
test_container_view (void)
{
  g_autoptr(OslDockerEngine) engine = osl_docker_engine_new ();
  g_autoptr(GString) out = g_string_new (NULL);
  g_autoptr(GString) err = g_string_new (NULL);
  g_autoptr(GString) notes = g_string_new (NULL);
  g_autoptr(GPtrArray) host_view = NULL, inside = NULL;
  g_autofree char *host_uts = NULL, *container_uts = NULL, *host_user = NULL, *container_user = NULL;
  OslDockerContainer *c;
  OslNsHost *host;
  OslNsProcess *init;
  OslNsSet *set;

  osl_docker_cli_run_line (engine, "docker run -d --name web httpd", out, err, notes);
  c = osl_docker_engine_find_container (engine, "web", NULL);
  host = osl_docker_engine_get_host (engine);
  init = osl_ns_host_find (host, OSL_NS_HOST, c->init_host_pid);
  g_assert_cmpuint (init->ns_pid, ==, 1);
  g_assert_cmpuint (init->host_pid, >, 1000);
  inside = osl_ns_host_visible (host, c->ns_set);
  host_view = osl_ns_host_visible (host, OSL_NS_HOST);
  g_assert_cmpuint (inside->len, ==, 1);
  g_assert_cmpuint (host_view->len, >, inside->len);
  set = osl_ns_host_get_set (host, c->ns_set);
  g_assert_cmpint (strncmp (set->hostname, c->id, 12), ==, 0);
  g_assert_nonnull (strstr (set->interfaces->pdata[1], "172.17.0.2"));
  host_uts = osl_ns_format_link (host, OSL_NS_HOST, OSL_NS_UTS);
  container_uts = osl_ns_format_link (host, c->ns_set, OSL_NS_UTS);
  g_assert_cmpstr (host_uts, ==, "uts:[4026531838]");
  g_assert_cmpstr (host_uts, !=, container_uts);
  host_user = osl_ns_format_link (host, OSL_NS_HOST, OSL_NS_USER);
  container_user = osl_ns_format_link (host, c->ns_set, OSL_NS_USER);
  g_assert_cmpstr (host_user, ==, container_user);

  g_string_truncate (out, 0);
  osl_docker_cli_run_line (engine, "docker exec web ps", out, err, notes);
  g_assert_cmpstr (out->str, ==, "    PID COMMAND\n      1 httpd-foreground\n      2 ps\n");
  g_string_truncate (out, 0);
  osl_docker_cli_run_line (engine, "docker exec web hostname", out, err, notes);
  g_assert_cmpuint (strlen (out->str), ==, 13);
}

/* Signals to a namespace's init: only those it handles, except that
 * SIGKILL and SIGSTOP from an ancestor always arrive. */
static void
test_init_signals (void)
{
  g_autoptr(OslNsHost) host = osl_ns_host_new ("h");
  guint set = osl_ns_host_create_set (host, "c", "172.17.0.2");
  OslNsProcess *init = osl_ns_host_spawn (host, set, 1, "sleep 1000", FALSE);
  OslNsProcess *child = osl_ns_host_spawn (host, set, init->host_pid, "sh", FALSE);
  guint init_pid = init->host_pid;

  g_assert_cmpuint (child->ns_pid, ==, 2);
  g_assert_false (osl_ns_signal_is_delivered (host, OSL_NS_HOST, init, SIGTERM));
  g_assert_true (osl_ns_signal_is_delivered (host, OSL_NS_HOST, init, SIGKILL));
  g_assert_false (osl_ns_signal_is_delivered (host, set, init, SIGKILL));
  g_assert_true (osl_ns_signal_is_delivered (host, set, child, SIGTERM));
  /* When init exits, everything else in the namespace is killed. */
  osl_ns_host_exit (host, init_pid);
  g_assert_null (osl_ns_host_find (host, set, 2));
  g_assert_false (osl_ns_host_get_set (host, set)->alive);
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/namespaces/kinds", test_kinds);
  g_test_add_func ("/namespaces/container-view", test_container_view);
  g_test_add_func ("/namespaces/init-signals", test_init_signals);
  return g_test_run ();
}
