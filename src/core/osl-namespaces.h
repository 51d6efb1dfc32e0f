/* osl-namespaces.h: what a container can see
 *
 * The eight Linux namespace kinds (namespaces(7)), and a host with
 * processes that live in namespace sets: the host sees every process
 * with its host PID, a container sees only its own, numbered from PID 1.
 * Signals to a namespace's init follow pid_namespaces(7).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

typedef enum
{
  OSL_NS_MNT,
  OSL_NS_UTS,
  OSL_NS_IPC,
  OSL_NS_PID,
  OSL_NS_NET,
  OSL_NS_USER,
  OSL_NS_CGROUP,
  OSL_NS_TIME,
  OSL_NS_N_KINDS
} OslNsKind;

typedef struct
{
  const char *name;          /* as in /proc/PID/ns: "mnt", "uts", … */
  const char *clone_flag;    /* "CLONE_NEWNS" */
  const char *isolates;      /* translatable */
  const char *since;         /* Linux version */
  gboolean    docker_default;  /* does `docker run` create one? */
} OslNsKindInfo;

#define OSL_NS_HOST 0   /* the namespace set every host process is in */

typedef struct
{
  guint     host_pid;
  guint     ns_pid;          /* PID as seen inside its own PID namespace */
  guint     parent_host_pid;
  guint     set;             /* index of its namespace set */
  char     *command;
  gboolean  handles_sigterm;
} OslNsProcess;

typedef struct
{
  char      *hostname;
  GPtrArray *interfaces;     /* "eth0  172.17.0.2/16" */
  GPtrArray *mounts;         /* "overlay on / type overlay (rw)" */
  guint64    inodes[OSL_NS_N_KINDS];
  guint      next_pid;
  gboolean   alive;
} OslNsSet;

typedef struct
{
  GPtrArray *sets;           /* OslNsSet */
  GPtrArray *processes;      /* OslNsProcess, in creation order */
  guint      next_host_pid;
  guint64    next_inode;
} OslNsHost;

const OslNsKindInfo *osl_ns_kind_get_info          (OslNsKind     kind);

OslNsHost           *osl_ns_host_new               (const char   *hostname);
void                 osl_ns_host_free              (OslNsHost    *host);
OslNsSet            *osl_ns_host_get_set           (OslNsHost    *host,
                                                    guint         set);
guint                osl_ns_host_create_set        (OslNsHost    *host,
                                                    const char   *hostname,
                                                    const char   *address);
OslNsProcess        *osl_ns_host_spawn             (OslNsHost    *host,
                                                    guint         set,
                                                    guint         parent_host_pid,
                                                    const char   *command,
                                                    gboolean      handles_sigterm);
OslNsProcess        *osl_ns_host_find              (OslNsHost    *host,
                                                    guint         set,
                                                    guint         pid);
void                 osl_ns_host_exit              (OslNsHost    *host,
                                                    guint         host_pid);
GPtrArray           *osl_ns_host_visible           (OslNsHost    *host,
                                                    guint         viewer_set);
gboolean             osl_ns_signal_is_delivered    (OslNsHost    *host,
                                                    guint         sender_set,
                                                    const OslNsProcess *target,
                                                    int           signo);
char                *osl_ns_format_link            (OslNsHost    *host,
                                                    guint         set,
                                                    OslNsKind     kind);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (OslNsHost, osl_ns_host_free)

G_END_DECLS
