/* map_setdefault_ok.c: correct twin of map_setdefault_bug.c.
 * The "found" path returns a new reference to the existing section too. */
#include <rf.h>

rf_object *config_section(rf_object *config, rf_object *name)
{
    rf_object *section = rf_map_get(config, name);
    if (section == NULL) {
        section = rf_map_new();
        if (section == NULL)
            return NULL;
        if (rf_map_set(config, name, section) < 0) {
            RF_DECREF(section);
            return NULL;
        }
        return section;
    }
    return rf_newref(section);
}
