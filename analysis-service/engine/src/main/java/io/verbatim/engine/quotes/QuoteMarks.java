package io.verbatim.engine.quotes;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;

/**
 * Finds the top-level pairs of quote marks: « », “ ” and straight "…". Quotes nested inside (« « » », ‘ ’ or
 * "…" inside « », AFP's +…+) stay inside their outer quote. A quote still open at the end of a paragraph ends
 * there: French reopens « at each quoted paragraph, and an unbalanced mark must not swallow the article.
 */
public final class QuoteMarks {

    /** Offsets of the marks ({@code open}, {@code close} exclusive of the closing mark) and of the trimmed content. */
    public record Span(int open, int close, int start, int end) {

        public boolean isEmpty() {
            return end <= start;
        }
    }

    public static List<Span> find(String text) {
        List<Span> spans = new ArrayList<>();
        Deque<Character> stack = new ArrayDeque<>();
        int open = -1;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '\n' && !stack.isEmpty() && isParagraphBreak(text, i)) {
                add(text, spans, open, i);
                stack.clear();
                continue;
            }
            switch (c) {
                case '«', '“' -> {
                    if (stack.isEmpty()) {
                        open = i;
                    }
                    stack.push(c);
                }
                case '»', '”' -> {
                    char opener = c == '»' ? '«' : '“';
                    if (stack.contains(opener)) {
                        while (stack.pop() != opener) {
                            // Marks opened inside and never closed end with their outer quote.
                        }
                        if (stack.isEmpty()) {
                            add(text, spans, open, i);
                        }
                    }
                }
                case '"' -> {
                    if (!stack.isEmpty() && stack.peek() == '"') {
                        stack.pop();
                        if (stack.isEmpty()) {
                            add(text, spans, open, i);
                        }
                    } else if (stack.isEmpty() ? opensHere(text, i) : true) {
                        if (stack.isEmpty()) {
                            open = i;
                        }
                        stack.push(c);
                    }
                }
                default -> {
                }
            }
        }
        if (!stack.isEmpty()) {
            add(text, spans, open, text.length());
        }
        return spans;
    }

    /** A straight quote opens a quote at the start of the text or after a space or opening punctuation. */
    private static boolean opensHere(String text, int i) {
        boolean before = i == 0 || Character.isWhitespace(text.charAt(i - 1)) || "([:—–-".indexOf(text.charAt(i - 1)) >= 0;
        boolean after = i + 1 < text.length() && !Character.isWhitespace(text.charAt(i + 1));
        return before && after;
    }

    private static boolean isParagraphBreak(String text, int i) {
        int j = i + 1;
        while (j < text.length() && (text.charAt(j) == ' ' || text.charAt(j) == '\t' || text.charAt(j) == '\r')) {
            j++;
        }
        return j >= text.length() || text.charAt(j) == '\n' || "«“\"".indexOf(text.charAt(j)) >= 0;
    }

    private static void add(String text, List<Span> spans, int open, int close) {
        int start = open + 1;
        int end = close;
        while (start < end && isSpace(text.charAt(start))) {
            start++;
        }
        while (end > start && isSpace(text.charAt(end - 1))) {
            end--;
        }
        Span span = new Span(open, close, start, end);
        if (!span.isEmpty()) {
            spans.add(span);
        }
    }

    /** Does the text hold a quote mark of any kind? */
    public static boolean containsMark(String text) {
        for (int i = 0; i < text.length(); i++) {
            if ("«»“”\"".indexOf(text.charAt(i)) >= 0) {
                return true;
            }
        }
        return false;
    }

    public static boolean isSpace(char c) {
        return Character.isWhitespace(c) || c == '\u00a0' || c == '\u202f';
    }
}
