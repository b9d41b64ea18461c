package dev.contacts.arch;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Finds the places where the repository's documentation leads outside the repository: in
 * Markdown, a link to a web address, to a relative path that does not exist or leaves the
 * repository (as a link into the team's internal folder beside it does) or to a heading that
 * a linked page lacks; in Markdown and Java sources (Javadoc included), a mention of that
 * internal folder, a Javadoc link to a web page, or a mention of a {@code .md} file that is
 * not in the repository. User documentation lives in the repository (README.md, module
 * READMEs, docs/), so every reference must resolve inside it.
 */
final class DocumentationLinks {
    /** {@code [text](destination "title")} and {@code ![alt](destination)}; group 1 is the destination. */
    private static final Pattern INLINE_LINK = Pattern.compile("!?\\[[^\\]\\n]*\\]\\(\\s*<?([^)\\s>]*)>?(?:\\s+\"[^\"]*\")?\\s*\\)");
    /** {@code [label]: destination} reference definitions. */
    private static final Pattern REFERENCE_DEFINITION = Pattern.compile("(?m)^ {0,3}\\[[^\\]]+\\]:\\s*<?([^\\s>]+)>?.*$");
    /** {@code href="…"} and {@code src="…"} of HTML inside Markdown or Javadoc. */
    private static final Pattern HTML_LINK = Pattern.compile("(?:href|src)\\s*=\\s*\"([^\"]*)\"");
    /** A file name or path ending in {@code .md}, mentioned anywhere. */
    private static final Pattern MARKDOWN_MENTION = Pattern.compile("(?<![\\w./-])([\\w./-]*\\w\\.md)(?!\\w)");
    private static final Pattern SCHEME = Pattern.compile("^[A-Za-z][A-Za-z0-9+.-]*:");
    private static final Pattern FENCE = Pattern.compile("^\\s{0,3}(```|~~~)");
    private static final Pattern HEADING = Pattern.compile("^\\s{0,3}#{1,6}\\s+(.*?)\\s*#*\\s*$");
    private static final Pattern INLINE_CODE = Pattern.compile("`[^`\\n]*`");
    /** The team's internal folder beside the repository; spelled in two parts so this file does not mention it. */
    static final String INTERNAL_FOLDER = "shared" + "/";

    private final Path root;
    private final Set<String> fileNames = new HashSet<>();
    private final Map<Path, Set<String>> anchors = new HashMap<>();

    /**
     * @param root the repository's root directory (absolute)
     */
    DocumentationLinks(Path root) {
        this.root = root.toAbsolutePath().normalize();
        for (Path file : files()) {
            fileNames.add(file.getFileName().toString());
        }
    }

    /**
     * Walks up from a directory to the repository root: the first directory holding both
     * {@code mvnw} and {@code contacts-core}.
     *
     * @param start where to start, e.g. the module directory a test runs in
     * @return the root
     * @throws IllegalStateException if no ancestor is the root
     */
    static Path findRoot(Path start) {
        for (Path dir = start.toAbsolutePath().normalize(); dir != null; dir = dir.getParent()) {
            if (Files.isRegularFile(dir.resolve("mvnw")) && Files.isDirectory(dir.resolve("contacts-core"))) {
                return dir;
            }
        }
        throw new IllegalStateException("no repository root (a directory with mvnw and contacts-core) above " + start);
    }

    /** @return every problem in the repository, as {@code path:line: what is wrong} */
    List<String> problems() {
        List<String> problems = new ArrayList<>();
        for (Path file : files()) {
            String name = file.getFileName().toString();
            if (name.endsWith(".md")) {
                problems.addAll(markdownProblems(file));
            } else if (name.endsWith(".java")) {
                problems.addAll(javaProblems(file));
            }
        }
        return problems;
    }

    /** @return every file of the repository, leaving out build output and hidden directories */
    private List<Path> files() {
        List<Path> files = new ArrayList<>();
        try {
            Files.walkFileTree(root, new SimpleFileVisitor<>() {
                @Override
                public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attributes) {
                    String name = dir.getFileName() == null ? "" : dir.getFileName().toString();
                    // local bench/run output (bench/quick, git-ignored) is checked too: its report links
                    // are relative to where it is written, so they resolve like any page's
                    boolean skipped = !dir.equals(root)
                            && (name.startsWith(".") || name.equals("target") || name.equals("node_modules"));
                    return skipped ? FileVisitResult.SKIP_SUBTREE : FileVisitResult.CONTINUE;
                }

                @Override
                public FileVisitResult visitFile(Path file, BasicFileAttributes attributes) {
                    if (attributes.isRegularFile()) {
                        files.add(file);
                    }
                    return FileVisitResult.CONTINUE;
                }
            });
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        files.sort(null);
        return files;
    }

    /**
     * @param file a Markdown file of the repository
     * @return its links that lead outside the repository or nowhere, and its mentions of
     *         the internal folder or of missing {@code .md} files
     */
    List<String> markdownProblems(Path file) {
        String text = read(file);
        List<String> problems = new ArrayList<>();
        String prose = withoutCode(text);
        for (Pattern pattern : List.of(INLINE_LINK, REFERENCE_DEFINITION, HTML_LINK)) {
            Matcher m = pattern.matcher(prose);
            while (m.find()) {
                String problem = linkProblem(file, m.group(1));
                if (problem != null) {
                    problems.add(line(file, text, m.start()) + problem);
                }
            }
        }
        problems.addAll(mentionProblems(file, text));
        return problems;
    }

    /**
     * @param file a Java source of the repository
     * @return its mentions of the internal folder, of web pages in Javadoc links and of
     *         {@code .md} files that are not in the repository
     */
    List<String> javaProblems(Path file) {
        String text = read(file);
        List<String> problems = new ArrayList<>(mentionProblems(file, text));
        Matcher m = Pattern.compile("\\{@link(?:plain)?\\s+(https?:[^}\\s]*)|<a\\s+href\\s*=\\s*\"(https?:[^\"]*)\"").matcher(text);
        while (m.find()) {
            String url = m.group(1) != null ? m.group(1) : m.group(2);
            problems.add(line(file, text, m.start()) + "Javadoc links to the web page " + url
                    + "; document it in the repository (docs/) and name the page by its repository path");
        }
        return problems;
    }

    private List<String> mentionProblems(Path file, String text) {
        List<String> problems = new ArrayList<>();
        for (int at = text.indexOf(INTERNAL_FOLDER); at >= 0; at = text.indexOf(INTERNAL_FOLDER, at + 1)) {
            boolean wordStart = at == 0 || !Character.isLetterOrDigit(text.charAt(at - 1));
            if (wordStart) {
                problems.add(line(file, text, at) + "mentions '" + INTERNAL_FOLDER + "', which is not part of the repository;"
                        + " refer to the repository's own documentation (docs/) instead");
            }
        }
        Matcher m = MARKDOWN_MENTION.matcher(text);
        while (m.find()) {
            String mention = m.group(1);
            if (!mentionResolves(file, mention)) {
                problems.add(line(file, text, m.start()) + "mentions " + mention + ", which is not in the repository;"
                        + " name a page of the repository (e.g. docs/filter-semantics.md) instead");
            }
        }
        return problems;
    }

    /** A mention resolves against the file's directory, its module, the root, or (a bare name) any file's name. */
    private boolean mentionResolves(Path file, String mention) {
        if (!mention.contains("/")) {
            return fileNames.contains(mention);
        }
        Path relative = root.relativize(file);
        List<Path> bases = new ArrayList<>(List.of(file.getParent(), root));
        if (relative.getNameCount() > 1) {
            bases.add(root.resolve(relative.getName(0)));
        }
        for (Path base : bases) {
            Path target = base.resolve(mention).normalize();
            if (target.startsWith(root) && Files.exists(target)) {
                return true;
            }
        }
        return false;
    }

    /** @return what is wrong with a link destination, or null when it leads to a page (and heading) of the repository */
    private String linkProblem(Path file, String destination) {
        if (destination.isEmpty()) {
            return "a link without a destination";
        }
        if (SCHEME.matcher(destination).find() || destination.startsWith("//")) {
            return "links to " + destination + ", outside the repository; put the content in docs/ and link that";
        }
        int hash = destination.indexOf('#');
        String path = hash < 0 ? destination : destination.substring(0, hash);
        String fragment = hash < 0 ? null : destination.substring(hash + 1);
        Path target = path.isEmpty() ? file
                : file.getParent().resolve(URLDecoder.decode(path, StandardCharsets.UTF_8)).normalize();
        if (!target.startsWith(root)) {
            return "links to " + destination + ", which leaves the repository";
        }
        if (!Files.exists(target)) {
            return "links to " + destination + ", which does not exist in the repository";
        }
        if (fragment != null && !fragment.isEmpty() && target.getFileName().toString().endsWith(".md")
                && !anchorsOf(target).contains(fragment)) {
            return "links to " + destination + ", but " + root.relativize(target) + " has no heading with that anchor";
        }
        return null;
    }

    /** @return the GitHub-style anchors of a Markdown file's headings ({@code ## 1. Values} is {@code 1-values}) */
    private Set<String> anchorsOf(Path markdown) {
        return anchors.computeIfAbsent(markdown, f -> {
            Set<String> result = new HashSet<>();
            Map<String, Integer> seen = new HashMap<>();
            boolean inFence = false;
            for (String line : read(f).split("\n", -1)) {
                if (FENCE.matcher(line).find()) {
                    inFence = !inFence;
                    continue;
                }
                Matcher m = HEADING.matcher(line);
                if (!inFence && m.matches()) {
                    String slug = m.group(1).toLowerCase(Locale.ROOT).replaceAll("[^\\p{L}\\p{N}\\p{M} _-]", "").replace(' ', '-');
                    int n = seen.merge(slug, 1, Integer::sum);
                    result.add(n == 1 ? slug : slug + "-" + (n - 1));
                }
            }
            return result;
        });
    }

    /** @return the text with fenced code blocks and inline code blanked out (same length, so offsets stay) */
    private static String withoutCode(String text) {
        StringBuilder out = new StringBuilder(text.length());
        boolean inFence = false;
        for (String line : text.split("\n", -1)) {
            if (FENCE.matcher(line).find()) {
                inFence = !inFence;
                out.append(" ".repeat(line.length()));
            } else if (inFence) {
                out.append(" ".repeat(line.length()));
            } else {
                Matcher m = INLINE_CODE.matcher(line);
                StringBuilder blanked = new StringBuilder(line);
                while (m.find()) {
                    for (int i = m.start(); i < m.end(); i++) {
                        blanked.setCharAt(i, ' ');
                    }
                }
                out.append(blanked);
            }
            out.append('\n');
        }
        return out.substring(0, text.length());
    }

    private String line(Path file, String text, int offset) {
        int line = 1;
        for (int i = 0; i < offset; i++) {
            if (text.charAt(i) == '\n') {
                line++;
            }
        }
        return root.relativize(file) + ":" + line + ": ";
    }

    private static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
