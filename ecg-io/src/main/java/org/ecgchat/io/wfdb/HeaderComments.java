package org.ecgchat.io.wfdb;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Extracts {@code key: value} metadata from header comment lines. */
final class HeaderComments {
    /** {@code <key>: value} pairs, several per line (LUDB, macecgdb, PTB-XL "#<age>: 56"). */
    private static final Pattern BRACKETED = Pattern.compile("<([^<>]+)>:\\s*([^<]*)");
    /** One {@code key: value} per line (PTB, Challenge "#Age: 85"); keys are short and colon-free. */
    private static final Pattern PLAIN = Pattern.compile("\\s*([^:<>]{1,80}?)\\s*:(?:\\s+(.*?)|)\\s*");

    private HeaderComments() {
    }

    static Map<String, String> metadata(List<String> comments) {
        Map<String, String> out = new LinkedHashMap<>();
        for (String line : comments) {
            Matcher b = BRACKETED.matcher(line);
            boolean any = false;
            while (b.find()) {
                any = true;
                out.putIfAbsent(b.group(1).trim(), b.group(2).trim());
            }
            if (any) {
                continue;
            }
            Matcher p = PLAIN.matcher(line);
            if (p.matches()) {
                out.putIfAbsent(p.group(1).trim(), p.group(2) == null ? "" : p.group(2).trim());
            }
        }
        return Collections.unmodifiableMap(out);
    }
}
