package io.verbatim.engine.evaluation;

import io.verbatim.engine.lang.en.EnglishMorphology;
import io.verbatim.engine.model.QuoteType;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

/**
 * Reads a local copy of PolNeAR (Newell, Margolin and Ruths, "An Attribution Relations Corpus for Political News",
 * LREC 2018; the repository networkdynamics/PolNeAR): {@code data/<split>/text/<article>.txt} and its brat standoff
 * annotation {@code data/<split>/attributions/<article>_<annotator>.ann}, whose text-bound spans are Source, Cue and
 * Content (a span may be several fragments, "12 30;41 60") and whose events tie them into one attribution
 * ({@code E1 Attribution:T4 Content:T3 Cue:T2 Source:T1}, or {@code Attribution-no-source:…}). An article annotated
 * by several annotators is read from the first annotation file in name order. Nothing of the corpus is copied:
 * the texts stay where they are.
 */
final class PolNear {

    /** One attribution: its content, cue and source as character fragments ({@code [start, end)}), source possibly none. */
    record Attribution(List<int[]> content, List<int[]> cue, List<int[]> source, String cueText, QuoteType type,
                       boolean speech) {

        int contentLength() {
            return content.stream().mapToInt(f -> f[1] - f[0]).sum();
        }
    }

    record Article(String name, String text, List<Attribution> attributions) {
    }

    /**
     * Verbs of saying whose forms in a cue make it a speech cue (and "according to"): the attributions a quote
     * finder is for. PolNeAR also annotates beliefs, knowledge and reports of documents ("believes", "knows",
     * "shows"), left out of the score. A fixed list of the scorer's own, not the engine's lexicon.
     */
    private static final List<String> SPEECH_VERBS = List.of("say", "tell", "add", "state", "declare", "announce",
            "explain", "claim", "argue", "insist", "write", "ask", "reply", "respond", "warn", "note", "confirm", "deny",
            "admit", "acknowledge", "suggest", "comment", "tweet", "testify", "report", "speak", "call", "describe");
    private static final Set<String> SPEECH_FORMS = speechForms();

    private static Set<String> speechForms() {
        Set<String> forms = new HashSet<>(SPEECH_VERBS);
        EnglishMorphology morphology = new EnglishMorphology();
        SPEECH_VERBS.forEach(verb -> forms.addAll(morphology.regularForms(verb)));
        forms.addAll(List.of("said", "says", "told", "wrote", "written", "spoke", "spoken", "admitted", "admitting"));
        return Set.copyOf(forms);
    }

    private PolNear() {
    }

    /** The articles of a split ("train", "dev", "test") under the repository's root, in name order. */
    static List<Article> read(Path root, String split) throws IOException {
        Path texts = root.resolve("data").resolve(split).resolve("text");
        Path annotations = root.resolve("data").resolve(split).resolve("attributions");
        if (!Files.isDirectory(texts) || !Files.isDirectory(annotations)) {
            throw new IOException(root + " holds no PolNeAR split '" + split + "' (data/" + split + "/text and attributions)");
        }
        List<Path> annotationFiles;
        try (Stream<Path> listing = Files.list(annotations)) {
            annotationFiles = listing.filter(p -> p.toString().endsWith(".ann")).sorted().toList();
        }
        List<Article> articles = new ArrayList<>();
        try (Stream<Path> listing = Files.list(texts)) {
            for (Path textFile : listing.filter(p -> p.toString().endsWith(".txt")).sorted().toList()) {
                String name = textFile.getFileName().toString().replaceFirst("\\.txt$", "");
                Path annotation = annotationFiles.stream()
                        .filter(p -> p.getFileName().toString().matches(java.util.regex.Pattern.quote(name) + "_[0-9a-f]+\\.ann"))
                        .findFirst().orElse(null);
                if (annotation == null) {
                    continue;
                }
                String text = Files.readString(textFile, StandardCharsets.UTF_8);
                articles.add(new Article(name, text, attributions(text, Files.readAllLines(annotation, StandardCharsets.UTF_8))));
            }
        }
        return articles;
    }

    /** The attributions of one brat file; an event without content is no attribution. */
    static List<Attribution> attributions(String text, List<String> lines) {
        Map<String, List<int[]>> spans = new HashMap<>();
        for (String line : lines) {
            String[] columns = line.split("\t");
            if (columns.length < 2 || !columns[0].startsWith("T")) {
                continue;
            }
            String[] typeAndOffsets = columns[1].split(" ", 2);
            List<int[]> fragments = new ArrayList<>();
            for (String fragment : typeAndOffsets[1].split(";")) {
                String[] offsets = fragment.strip().split(" ");
                fragments.add(new int[]{Integer.parseInt(offsets[0]), Integer.parseInt(offsets[1])});
            }
            spans.put(columns[0], fragments);
        }
        List<Attribution> attributions = new ArrayList<>();
        for (String line : lines) {
            String[] columns = line.split("\t");
            if (columns.length < 2 || !columns[0].startsWith("E")) {
                continue;
            }
            List<int[]> content = new ArrayList<>();
            List<int[]> cue = new ArrayList<>();
            List<int[]> source = new ArrayList<>();
            for (String argument : columns[1].split(" ")) {
                String[] roleAndId = argument.split(":");
                List<int[]> fragments = spans.getOrDefault(roleAndId[1], List.of());
                switch (roleAndId[0].replaceFirst("\\d+$", "")) {
                    case "Content" -> content.addAll(fragments);
                    case "Cue" -> cue.addAll(fragments);
                    case "Source" -> source.addAll(fragments);
                    default -> {
                    }
                }
            }
            if (content.isEmpty()) {
                continue;
            }
            content.sort((a, b) -> Integer.compare(a[0], b[0]));
            String cueText = String.join(" ", cue.stream().map(f -> text.substring(f[0], f[1])).toList());
            attributions.add(new Attribution(content, cue, source, cueText, typeOf(text, content), isSpeech(cueText)));
        }
        return attributions;
    }

    /** A cue with a verb of saying in it, or "according to". */
    static boolean isSpeech(String cue) {
        String lower = cue.toLowerCase(Locale.ENGLISH);
        if (lower.contains("according to")) {
            return true;
        }
        for (String word : lower.split("[^\\p{L}]+")) {
            if (SPEECH_FORMS.contains(word)) {
                return true;
            }
        }
        return false;
    }

    /**
     * Direct when the whole content is within quote marks: its first fragment opens with a mark (just inside or
     * just before it), its last closes with one (just inside, or just after it, punctuation between), and no mark
     * stands inside a fragment (a quotation cut by its reporting clause is one content of two fragments); mixed
     * when it holds a quote mark otherwise; indirect when it holds none.
     */
    static QuoteType typeOf(String text, List<int[]> content) {
        int start = content.get(0)[0];
        int end = content.get(content.size() - 1)[1];
        boolean opens = start > 0 && isOpening(text.charAt(start - 1)) || isOpening(text.charAt(start));
        int after = end;
        while (after < text.length() && after < end + 2 && ".,!?".indexOf(text.charAt(after)) >= 0) {
            after++;
        }
        boolean closes = isClosing(text.charAt(end - 1)) || after < text.length() && isClosing(text.charAt(after))
                || text.substring(start, end).matches("(?s).*[”\"][.,!?]?\\s*$");
        boolean markInside = false;
        boolean anyMark = false;
        for (int[] fragment : content) {
            String body = text.substring(fragment[0], fragment[1]);
            anyMark |= body.chars().anyMatch(PolNear::isMark);
            markInside |= body.strip().replaceFirst("^[“\"]", "").replaceFirst("[.,!?]?[”\"][.,!?]?$", "")
                    .chars().anyMatch(PolNear::isMark);
        }
        if (opens && closes && !markInside) {
            return QuoteType.DIRECT;
        }
        return anyMark ? QuoteType.MIXED : QuoteType.INDIRECT;
    }

    private static boolean isMark(int c) {
        return c == '“' || c == '”' || c == '"';
    }

    private static boolean isOpening(char c) {
        return c == '“' || c == '"';
    }

    private static boolean isClosing(char c) {
        return c == '”' || c == '"';
    }
}
