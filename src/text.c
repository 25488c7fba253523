/*-------------------------------------------------------------------------
 *
 * text.c
 *	  Whether a text is blank: empty, or nothing but white space.
 *
 * A reference, an authority or a reason made of spaces is no reference.
 * White space is any Unicode White_Space character (the no-break space,
 * the ideographic space U+3000 and the others), and the zero-width space
 * and no-break space that carry no text either.  Texts are UTF-8, the
 * server encoding the extension requires.
 *
 *-------------------------------------------------------------------------
 */
#include "postgres.h"

#include "enforcement.h"
#include "text.h"

/* Whether a code point is white space or an invisible space. */
static bool
is_space(uint32 c)
{
	return (c >= 0x09 && c <= 0x0D) || c == 0x20 || c == 0x85 ||
		c == 0xA0 || c == 0x1680 || (c >= 0x2000 && c <= 0x200B) ||
		c == 0x2028 || c == 0x2029 || c == 0x202F || c == 0x205F ||
		c == 0x3000 || c == 0xFEFF;
}

/* Whether len bytes of UTF-8 hold nothing but white space. */
bool
en_blank(const char *s, int len)
{
	const unsigned char *p = (const unsigned char *) s;
	const unsigned char *end = p + len;

	while (p < end)
	{
		uint32		c;
		int			n;

		if (*p < 0x80)
		{
			c = *p;
			n = 1;
		}
		else if ((*p & 0xE0) == 0xC0 && end - p >= 2)
		{
			c = ((uint32) (p[0] & 0x1F) << 6) | (p[1] & 0x3F);
			n = 2;
		}
		else if ((*p & 0xF0) == 0xE0 && end - p >= 3)
		{
			c = ((uint32) (p[0] & 0x0F) << 12) |
				((uint32) (p[1] & 0x3F) << 6) | (p[2] & 0x3F);
			n = 3;
		}
		else
			return false;		/* any other character is text */
		if (!is_space(c))
			return false;
		p += n;
	}
	return true;
}

/* Whether a C string is NULL, empty or white space only. */
bool
en_blank_cstring(const char *s)
{
	return s == NULL || en_blank(s, strlen(s));
}
