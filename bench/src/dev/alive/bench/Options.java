package dev.alive.bench;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/** The sizes and repetitions of a benchmark run, from the command line of {@code bench/run}. */
record Options(boolean small, int runs, int warmups, int fleet, int redeploy, int firstDeploys, int files,
               int megabytes, List<Integer> parallelisms, Set<Integer> only, Path out, boolean keep,
               boolean sharedOwner, int soak) {

    static final String USAGE = """
            usage: bench/run [--small] [--only 1,2,...] [--runs N] [--warmups N] [--fleet N] [--redeploy N]
                             [--first N] [--files N] [--megabytes N] [--parallel 1,2,4] [--out FILE] [--keep]
                             [--shared-owner] [--soak N]
              --small        tiny sizes, 2 runs each: a smoke run (about a minute)
              --only         scenarios to run (default all): 1 no-op apply, 2 fleet no-op plan,
                             3 fingerprints, 4 fleet redeploy, 5 first deploys, 6 status, 7 store soak
              --runs N       measured runs per scenario, after --warmups N unmeasured ones (default 5 and 1)
              --fleet N      sites of scenarios 2 and 6 (500); --redeploy N: of scenario 4 (100);
              --first N      of scenario 5 (50); --files N, --megabytes N: scenario 3's tree (20000, 200)
              --soak N       applies of scenario 7 (1000; 30 with --small)
              --out FILE     the JSON results (default bench/out/results.json)
              --keep         keep the fixtures folder (its site processes are stopped anyway)
              --shared-owner scenario 5's sites all have one (new) owner, not one owner each
            """;

    static Options parse(String[] args, Path repo) {
        var small = List.of(args).contains("--small");
        var runs = small ? 2 : 5;
        var warmups = 1;
        var fleet = small ? 5 : 500;
        var redeploy = small ? 4 : 100;
        var first = small ? 4 : 50;
        var files = small ? 400 : 20_000;
        var megabytes = small ? 4 : 200;
        var soak = small ? 30 : 1000;
        List<Integer> parallelisms = List.of(1, 2, 4);
        Set<Integer> only = new TreeSet<>(List.of(1, 2, 3, 4, 5, 6, 7));
        var out = repo.resolve("bench/out/results.json");
        var keep = false;
        var sharedOwner = false;
        for (var i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--small" -> { }
                case "--keep" -> keep = true;
                case "--shared-owner" -> sharedOwner = true;
                case "--runs" -> runs = positive(args, ++i);
                case "--warmups" -> warmups = Integer.parseInt(value(args, ++i));
                case "--fleet" -> fleet = positive(args, ++i);
                case "--redeploy" -> redeploy = positive(args, ++i);
                case "--first" -> first = positive(args, ++i);
                case "--files" -> files = positive(args, ++i);
                case "--megabytes" -> megabytes = positive(args, ++i);
                case "--soak" -> soak = positive(args, ++i);
                case "--parallel" -> parallelisms = numbers(value(args, ++i));
                case "--only" -> only = new TreeSet<>(numbers(value(args, ++i)));
                case "--out" -> out = Path.of(value(args, ++i)).toAbsolutePath();
                default -> throw new IllegalArgumentException("unknown option " + args[i] + "\n" + USAGE);
            }
        }
        return new Options(small, runs, warmups, fleet, redeploy, first, files, megabytes, parallelisms, only, out, keep, sharedOwner, soak);
    }

    private static String value(String[] args, int i) {
        if (i >= args.length) {
            throw new IllegalArgumentException(args[i - 1] + " needs a value\n" + USAGE);
        }
        return args[i];
    }

    private static int positive(String[] args, int i) {
        var n = Integer.parseInt(value(args, i));
        if (n < 1) {
            throw new IllegalArgumentException(args[i - 1] + " must be at least 1");
        }
        return n;
    }

    private static List<Integer> numbers(String list) {
        var numbers = new ArrayList<Integer>();
        for (var part : list.split(",")) {
            numbers.add(Integer.parseInt(part.trim()));
        }
        return numbers;
    }
}
