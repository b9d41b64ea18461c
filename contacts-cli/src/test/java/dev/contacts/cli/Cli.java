package dev.contacts.cli;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/** Runs {@code contacts} commands in-process and captures what they print. */
final class Cli {
    /**
     * What one command did.
     *
     * @param code its exit code
     * @param out  its standard output
     * @param err  its standard error
     */
    record Result(int code, String out, String err) {
        @Override
        public String toString() {
            return "exit " + code + "\n--- out\n" + out + "--- err\n" + err;
        }
    }

    private final List<String> global;

    Cli(String... global) {
        this.global = List.of(global);
    }

    Result run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        List<String> all = new ArrayList<>(global);
        all.addAll(Arrays.asList(args));
        int code = ContactsCli.run(new PrintWriter(out, true), new PrintWriter(err, true), all.toArray(new String[0]));
        return new Result(code, out.toString(), err.toString());
    }
}
