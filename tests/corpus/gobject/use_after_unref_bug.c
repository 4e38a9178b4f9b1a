/* use_after_unref_bug.c: an instance field read after the last reference
 * was dropped.
 * finish_job releases the job, then reads its status. */
#include <glib-object.h>

#define ACME_TYPE_JOB (acme_job_get_type())
G_DECLARE_FINAL_TYPE(AcmeJob, acme_job, ACME, JOB, GObject)

struct _AcmeJob {
    GObject parent_instance;
    int status;
};

int run_job(void)
{
    AcmeJob *job = g_object_new(ACME_TYPE_JOB, NULL);
    job->status = 0;
    g_object_unref(job);
    return job->status; // expect: use-after-release
}
