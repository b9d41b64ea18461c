package dev.contacts.cli;

/** The {@code contacts} command: {@code java -jar contacts-cli-all.jar --help}. */
public final class Main {
    private Main() {
    }

    /**
     * Runs one command and exits with its code (0 success, 2 bad usage or input, 1 store or I/O failure).
     *
     * @param args the command line
     */
    public static void main(String[] args) {
        System.exit(ContactsCli.run(args));
    }
}
