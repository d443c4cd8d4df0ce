/* test_headline.c - headlines without the wire's notes (headline.c), on
 * headlines written for these tests. */
#include <string.h>

#include "harness.h"
#include "stages.h"

static char out[256];

/* The kept headline of s, as a string. */
static const char *kept(const char *s)
{
	size_t a, n = nf_headline_span(s, strlen(s), &a);
	memcpy(out, s + a, n);
	out[n] = '\0';
	return out;
}

static void test_plain_headline_kept(void)
{
	CHECK_STR(kept("Flood Waters Rise Along the River"), "Flood Waters Rise Along the River");
	CHECK_STR(kept("Eds Say Goodbye to Old Press Hall"), "Eds Say Goodbye to Old Press Hall");
	CHECK_STR(kept("Navy Tests Laser Weapon at Sea"), "Navy Tests Laser Weapon at Sea");
	CHECK_STR(kept("CROWDS FLOCK TO LASERS AT FAIR"), "CROWDS FLOCK TO LASERS AT FAIR");
	CHECK_STR(kept("DAM BURSTS LASERPHOTO XY2"), "DAM BURSTS");
	CHECK_STR(kept(""), "");
}

static void test_note_after_headline(void)
{
	CHECK_STR(kept("Storm Kills Nine in Valley Eds: UPDATES with toll, adds quotes"),
	          "Storm Kills Nine in Valley");
	CHECK_STR(kept("Bridge Collapses After Quake With PM-Quake, Bjt"), "Bridge Collapses After Quake");
	CHECK_STR(kept("Fishing Boats Lost at Sea LaserPhoto XY4, LaserMap ZZ2"),
	          "Fishing Boats Lost at Sea");
	CHECK_STR(kept("Relief Arrives in Port Town, Bjt"), "Relief Arrives in Port Town");
}

static void test_note_before_headline(void)
{
	CHECK_STR(kept("URGENT Dam Bursts Above Mill Town"), "Dam Bursts Above Mill Town");
	CHECK_STR(kept("URGENT Eds: UPDATES with new toll. No pickup. Dam Bursts Above Mill Town"),
	          "Dam Bursts Above Mill Town");
}

static void test_all_note(void)
{
	CHECK_STR(kept("With AM-Floods, Bjt Eds: ADDS two grafs on rescue"), "");
	CHECK_STR(kept("Eds: CORRECTS spelling of town"), "");
}

int main(void)
{
	RUN(test_plain_headline_kept);
	RUN(test_note_after_headline);
	RUN(test_note_before_headline);
	RUN(test_all_note);
	return harness_done();
}
