/* osl-namespaces.c: what a container can see
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>
#include <signal.h>
#include <string.h>
#include <inttypes.h>

#include "osl-namespaces.h"

/* Docker creates mnt, uts, ipc, pid, net and (on cgroup v2) cgroup
 * namespaces; user namespaces only with userns-remap, time never. */
static const OslNsKindInfo kinds[OSL_NS_N_KINDS] = {
  [OSL_NS_MNT] = { "mnt", "CLONE_NEWNS",
                   N_("mount points: its own mount table and filesystem tree"), "2.4.19", TRUE },
  [OSL_NS_UTS] = { "uts", "CLONE_NEWUTS",
                   N_("hostname and NIS domain name"), "2.6.19", TRUE },
  [OSL_NS_IPC] = { "ipc", "CLONE_NEWIPC",
                   N_("System V IPC objects and POSIX message queues"), "2.6.19", TRUE },
  [OSL_NS_PID] = { "pid", "CLONE_NEWPID",
                   N_("process IDs: numbering restarts at 1; namespaces nest"), "2.6.24", TRUE },
  [OSL_NS_NET] = { "net", "CLONE_NEWNET",
                   N_("network devices, addresses, routing tables, firewall rules, port numbers"), "2.6.24", TRUE },
  [OSL_NS_USER] = { "user", "CLONE_NEWUSER",
                    N_("user and group IDs and capabilities: root inside can be unprivileged outside"), "3.8", FALSE },
  [OSL_NS_CGROUP] = { "cgroup", "CLONE_NEWCGROUP",
                      N_("the cgroup root: the process sees its own cgroup as /"), "4.6", TRUE },
  [OSL_NS_TIME] = { "time", "CLONE_NEWTIME",
                    N_("offsets of the boot-time and monotonic clocks"), "5.6", FALSE },
};

/* The initial namespaces' inode numbers as Linux assigns them. */
static const guint64 host_inodes[OSL_NS_N_KINDS] = {
  [OSL_NS_MNT] = 4026531841u, [OSL_NS_UTS] = 4026531838u, [OSL_NS_IPC] = 4026531839u,
  [OSL_NS_PID] = 4026531836u, [OSL_NS_NET] = 4026531840u, [OSL_NS_USER] = 4026531837u,
  [OSL_NS_CGROUP] = 4026531835u, [OSL_NS_TIME] = 4026531834u,
};

#define FIRST_CONTAINER_HOST_PID 4812
#define FIRST_NEW_INODE 4026532201u

const OslNsKindInfo *
osl_ns_kind_get_info (OslNsKind kind)
{
  g_return_val_if_fail (kind < OSL_NS_N_KINDS, NULL);
  return &kinds[kind];
}

static void
set_free (gpointer data)
{
  OslNsSet *set = data;

  g_free (set->hostname);
  g_ptr_array_unref (set->interfaces);
  g_ptr_array_unref (set->mounts);
  g_free (set);
}

static void
process_free (gpointer data)
{
  OslNsProcess *process = data;

  g_free (process->command);
  g_free (process);
}

static OslNsSet *
set_new (const char *hostname)
{
  OslNsSet *set = g_new0 (OslNsSet, 1);

  set->hostname = g_strdup (hostname);
  set->interfaces = g_ptr_array_new_with_free_func (g_free);
  set->mounts = g_ptr_array_new_with_free_func (g_free);
  set->next_pid = 1;
  set->alive = TRUE;
  return set;
}

OslNsHost *
osl_ns_host_new (const char *hostname)
{
  OslNsHost *host = g_new0 (OslNsHost, 1);
  OslNsSet *set = set_new (hostname);
  static const struct { const char *command; guint pid; guint parent; } daemons[] = {
    { "/sbin/init", 1, 0 },
    { "/usr/sbin/sshd -D", 702, 1 },
    { "/usr/bin/containerd", 731, 1 },
    { "/usr/bin/dockerd -H fd://", 812, 1 },
    { "-bash", 1544, 702 },
  };

  host->sets = g_ptr_array_new_with_free_func (set_free);
  host->processes = g_ptr_array_new_with_free_func (process_free);
  host->next_inode = FIRST_NEW_INODE;
  memcpy (set->inodes, host_inodes, sizeof host_inodes);
  g_ptr_array_add (set->interfaces, g_strdup ("lo       127.0.0.1/8"));
  g_ptr_array_add (set->interfaces, g_strdup ("eth0     10.0.0.5/24"));
  g_ptr_array_add (set->interfaces, g_strdup ("docker0  172.17.0.1/16"));
  g_ptr_array_add (set->mounts, g_strdup ("/dev/sda1 on / type ext4 (rw)"));
  g_ptr_array_add (set->mounts, g_strdup ("proc on /proc type proc (rw)"));
  g_ptr_array_add (set->mounts, g_strdup ("cgroup2 on /sys/fs/cgroup type cgroup2 (rw)"));
  g_ptr_array_add (host->sets, set);
  for (guint i = 0; i < G_N_ELEMENTS (daemons); i++)
    {
      OslNsProcess *process = g_new0 (OslNsProcess, 1);

      *process = (OslNsProcess) { daemons[i].pid, daemons[i].pid, daemons[i].parent, OSL_NS_HOST,
                                  g_strdup (daemons[i].command), TRUE };
      g_ptr_array_add (host->processes, process);
    }
  host->next_host_pid = FIRST_CONTAINER_HOST_PID;
  return host;
}

void
osl_ns_host_free (OslNsHost *host)
{
  if (host == NULL)
    return;
  g_ptr_array_unref (host->sets);
  g_ptr_array_unref (host->processes);
  g_free (host);
}

OslNsSet *
osl_ns_host_get_set (OslNsHost *host,
                     guint      set)
{
  g_return_val_if_fail (set < host->sets->len, NULL);
  return host->sets->pdata[set];
}

/* A container's set: new namespaces of the kinds Docker creates, the
 * host's for the others. Its hostname is the short container ID. */
guint
osl_ns_host_create_set (OslNsHost  *host,
                        const char *hostname,
                        const char *address)
{
  OslNsSet *set = set_new (hostname);

  for (guint k = 0; k < OSL_NS_N_KINDS; k++)
    set->inodes[k] = kinds[k].docker_default ? host->next_inode++ : host_inodes[k];
  g_ptr_array_add (set->interfaces, g_strdup ("lo       127.0.0.1/8"));
  g_ptr_array_add (set->interfaces, g_strdup_printf ("eth0     %s/16", address));
  g_ptr_array_add (set->mounts, g_strdup ("overlay on / type overlay (rw,lowerdir=…,upperdir=…,workdir=…)"));
  g_ptr_array_add (set->mounts, g_strdup ("proc on /proc type proc (rw)"));
  g_ptr_array_add (set->mounts, g_strdup ("cgroup on /sys/fs/cgroup type cgroup2 (ro)"));
  g_ptr_array_add (host->sets, set);
  return host->sets->len - 1;
}

OslNsProcess *
osl_ns_host_spawn (OslNsHost  *host,
                   guint       set,
                   guint       parent_host_pid,
                   const char *command,
                   gboolean    handles_sigterm)
{
  OslNsSet *ns = osl_ns_host_get_set (host, set);
  OslNsProcess *process = g_new0 (OslNsProcess, 1);

  process->host_pid = host->next_host_pid++;
  process->ns_pid = set == OSL_NS_HOST ? process->host_pid : ns->next_pid++;
  process->parent_host_pid = parent_host_pid;
  process->set = set;
  process->command = g_strdup (command);
  process->handles_sigterm = handles_sigterm;
  g_ptr_array_add (host->processes, process);
  return process;
}

/* Finds a process by the PID it has in namespace set @set. */
OslNsProcess *
osl_ns_host_find (OslNsHost *host,
                  guint      set,
                  guint      pid)
{
  for (guint i = 0; i < host->processes->len; i++)
    {
      OslNsProcess *process = host->processes->pdata[i];

      if (set == OSL_NS_HOST && process->host_pid == pid)
        return process;
      if (set != OSL_NS_HOST && process->set == set && process->ns_pid == pid)
        return process;
    }
  return NULL;
}

/* When a namespace's init exits, the kernel SIGKILLs everything else in
 * it: the whole container goes. */
void
osl_ns_host_exit (OslNsHost *host,
                  guint      host_pid)
{
  OslNsProcess *process = osl_ns_host_find (host, OSL_NS_HOST, host_pid);
  guint set;

  if (process == NULL)
    return;
  set = process->set;
  if (set != OSL_NS_HOST && process->ns_pid == 1)
    {
      for (guint i = host->processes->len; i > 0; i--)
        if (((OslNsProcess *) host->processes->pdata[i - 1])->set == set)
          g_ptr_array_remove_index (host->processes, i - 1);
      osl_ns_host_get_set (host, set)->alive = FALSE;
      return;
    }
  g_ptr_array_remove (host->processes, process);
}

/* The host sees everything; a container only its own set. */
GPtrArray *
osl_ns_host_visible (OslNsHost *host,
                     guint      viewer_set)
{
  GPtrArray *visible = g_ptr_array_new ();

  for (guint i = 0; i < host->processes->len; i++)
    {
      OslNsProcess *process = host->processes->pdata[i];

      if (viewer_set == OSL_NS_HOST || process->set == viewer_set)
        g_ptr_array_add (visible, process);
    }
  return visible;
}

/**
 * osl_ns_signal_is_delivered:
 *
 * pid_namespaces(7): a namespace's init only receives signals it has a
 * handler for. From an ancestor namespace, SIGKILL and SIGSTOP are
 * delivered anyway; from inside, they never are (they cannot have
 * handlers). Any other process receives every signal.
 */
gboolean
osl_ns_signal_is_delivered (OslNsHost          *host,
                            guint               sender_set,
                            const OslNsProcess *target,
                            int                 signo)
{
  gboolean forced = signo == SIGKILL || signo == SIGSTOP;

  if (target->set == OSL_NS_HOST || target->ns_pid != 1)
    return TRUE;
  if (forced)
    return sender_set != target->set;
  return signo == SIGTERM ? target->handles_sigterm : FALSE;
}

/* As `readlink /proc/PID/ns/uts` prints it: "uts:[4026531838]". */
char *
osl_ns_format_link (OslNsHost *host,
                    guint      set,
                    OslNsKind  kind)
{
  return g_strdup_printf ("%s:[%" PRIu64 "]", kinds[kind].name,
                          osl_ns_host_get_set (host, set)->inodes[kind]);
}
