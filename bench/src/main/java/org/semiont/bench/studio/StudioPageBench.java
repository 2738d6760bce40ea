package org.semiont.bench.studio;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.sql.DataSource;
import org.semiont.schema.sql.Table;
import org.semiont.server.ServerApp;
import org.semiont.server.auth.JwtCodec;
import org.semiont.server.config.Environment;
import org.semiont.server.config.ServerConfig;
import org.semiont.server.logging.LogSetup;
import org.semiont.studio.Studio;
import org.semiont.studio.browse.Catalog;
import org.semiont.studio.browse.Filter;
import org.semiont.studio.browse.SqlText;
import org.semiont.studio.browse.TableQuery;
import org.semiont.studio.browse.TableRequest;

/**
 * The studio's table pages on a large {@code annotations} table: a server with the studio on an embedded PostgreSQL,
 * {@code rows} annotation rows written straight into the projection table (generate_series, then VACUUM ANALYZE),
 * an admin signed in through the sign-in form. Each page is fetched {@code runs} times after 10 warm-ups, one request
 * at a time; reported: the median and p90 of the whole request on loopback (an upper bound of the server's time) and
 * of the query alone (the page's {@code Server-Timing}), and the ratio to the baseline, the same page of the 9-row
 * {@code entity_types} table in the same run (session check, schema cache, rendering, no data to speak of). The
 * statements' {@code EXPLAIN (ANALYZE, BUFFERS)} is printed so the index use shows.
 *
 * <p>Run: {@code java -cp "bench/target/semiont-bench.jar:bench/target/lib/*" org.semiont.bench.studio.StudioPageBench
 * [rows=1000000] [runs=50]} after {@code mvn -B -q package -DskipTests}.
 */
public final class StudioPageBench {
    static final String SECRET = "bench-secret-0123456789-0123456789-abcdef";
    static final String PASSWORD = "bench password 0123456789";
    private static final HttpClient HTTP = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER)
            .connectTimeout(Duration.ofSeconds(5)).build();

    public static void main(String[] args) throws Exception {
        int rows = args.length > 0 ? Integer.parseInt(args[0]) : 1_000_000;
        int runs = args.length > 1 ? Integer.parseInt(args[1]) : 50;
        LogSetup.console(ch.qos.logback.classic.Level.WARN);
        Path dir = Files.createTempDirectory("studio-bench");
        Environment env = new Environment(Map.of("JWT_SECRET", SECRET, "SEMIONT_SIGNIN_RATE", "100000"));
        ServerConfig config = ServerConfig.from(env, new ServerConfig.Overrides("127.0.0.1", 0, null, dir, null));
        try (ServerApp app = ServerApp.start(config, env, List.of(Studio.extension(true)))) {
            DataSource pool = app.api().services().pool();
            load(pool, rows);
            createAdmin(app);
            String cookie = signIn(app.url() + Studio.BASE);
            String base = app.url() + Studio.BASE + "/m/";
            Map<String, String> pages = new java.util.LinkedHashMap<>();
            pages.put("baseline: entity_types, first page", "entity_types");
            pages.put("annotations, first page (by id)", "annotations");
            pages.put("annotations, documentId = doc-7 sorted by position", "annotations?fc=documentId&fo=eq&fv=doc-7&sort=position");
            pages.put("annotations, creatorId = u7", "annotations?fc=creatorId&fo=eq&fv=u7");
            double baseline = 0;
            for (Map.Entry<String, String> p : pages.entrySet()) {
                Stats s = measure(base + p.getValue(), cookie, runs);
                if (baseline == 0) {
                    baseline = s.medianMillis;
                }
                System.out.printf(Locale.ROOT, "%-55s request median %6.1f ms  p90 %6.1f ms  query median %6.1f ms  ratio %.2f%n",
                        p.getKey(), s.medianMillis, s.p90Millis, s.medianQueryMillis, s.medianMillis / baseline);
            }
            explain(pool, new Catalog(pool, java.util.Set.of()), rows);
        }
    }

    static void load(DataSource pool, int rows) throws Exception {
        long t0 = System.nanoTime();
        try (Connection c = pool.getConnection(); Statement s = c.createStatement()) {
            s.execute("SET statement_timeout = 0");
            s.execute("INSERT INTO annotations (id, \"documentId\", \"targetSource\", motivation, \"creatorId\", target, body, data,"
                    + " \"linkedDocuments\", \"entityTags\", position, created, modified)"
                    + " SELECT 'a' || lpad(g::text, 8, '0'), 'doc-' || (g % 1000), 'doc-' || (g % 1000),"
                    + " (ARRAY['commenting','highlighting','linking','tagging'])[1 + g % 4], 'u' || (g % 50),"
                    + " jsonb_build_object('source', 'doc-' || (g % 1000), 'selector', jsonb_build_object('type', 'TextQuoteSelector', 'exact', 'word ' || g)),"
                    + " jsonb_build_array(jsonb_build_object('type', 'TextualBody', 'value', 'note ' || g, 'purpose', 'commenting')),"
                    + " '{}'::json, '{}', '{}', g, now(), now() FROM generate_series(1, " + rows + ") g");
            s.execute("VACUUM ANALYZE annotations");
        }
        System.out.printf(Locale.ROOT, "loaded %,d annotations in %.1f s%n", rows, (System.nanoTime() - t0) / 1e9);
    }

    static void createAdmin(ServerApp app) throws Exception {
        String token = new JwtCodec(SECRET, "semiont", Clock.systemUTC()).issueService();
        String body = "{\"email\":\"bench@example.org\",\"name\":\"bench\",\"isAdmin\":true,\"password\":\"" + PASSWORD + "\"}";
        HttpResponse<String> r = HTTP.send(HttpRequest.newBuilder(URI.create(app.url() + "/api/admin/users"))
                .header("Authorization", "Bearer " + token).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
        if (r.statusCode() != 201) {
            throw new IllegalStateException("cannot create the admin: " + r.statusCode() + " " + r.body());
        }
    }

    /** The sign-in form's way: its page sets a token cookie, the POST sends it back with the password. */
    static String signIn(String studio) throws Exception {
        HttpResponse<String> form = HTTP.send(HttpRequest.newBuilder(URI.create(studio + "/sign-in")).build(),
                HttpResponse.BodyHandlers.ofString());
        String pre = cookie(form, "semiont_studio_signin");
        Matcher m = Pattern.compile("name=\"csrf\" value=\"([^\"]+)\"").matcher(form.body());
        if (!m.find()) {
            throw new IllegalStateException("no token in the sign-in form");
        }
        String body = "csrf=" + m.group(1) + "&email=" + enc("bench@example.org") + "&password=" + enc(PASSWORD);
        HttpResponse<String> r = HTTP.send(HttpRequest.newBuilder(URI.create(studio + "/sign-in"))
                .header("Cookie", "semiont_studio_signin=" + pre).header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
        return cookie(r, "semiont_studio");
    }

    record Stats(double medianMillis, double p90Millis, double medianQueryMillis) {
    }

    static Stats measure(String url, String cookie, int runs) throws Exception {
        HttpRequest get = HttpRequest.newBuilder(URI.create(url)).header("Cookie", "semiont_studio=" + cookie).build();
        List<Double> total = new ArrayList<>();
        List<Double> query = new ArrayList<>();
        for (int i = 0; i < runs + 10; i++) {
            long t0 = System.nanoTime();
            HttpResponse<String> r = HTTP.send(get, HttpResponse.BodyHandlers.ofString());
            double ms = (System.nanoTime() - t0) / 1e6;
            if (r.statusCode() != 200) {
                throw new IllegalStateException(url + " answered " + r.statusCode() + ": " + r.body());
            }
            if (i >= 10) {
                total.add(ms);
                query.add(r.headers().firstValue("Server-Timing").map(h -> Double.parseDouble(h.replaceAll(".*dur=", ""))).orElse(0.0));
            }
        }
        Collections.sort(total);
        Collections.sort(query);
        return new Stats(total.get(runs / 2), total.get(runs * 9 / 10), query.get(runs / 2));
    }

    static void explain(DataSource pool, Catalog catalog, int rows) throws Exception {
        Table t = catalog.table("annotations");
        List<TableRequest> requests = List.of(TableRequest.firstPage(),
                TableRequest.firstPage().withFilters(List.of(new Filter("documentId", Filter.Op.EQ, "doc-7", "")))
                        .sorted("position", false),
                TableRequest.firstPage().withFilters(List.of(new Filter("creatorId", Filter.Op.EQ, "u7", ""))));
        for (TableRequest r : requests) {
            SqlText q = TableQuery.page(t, r);
            System.out.println("\n" + q.display());
            try (Connection c = pool.getConnection();
                 PreparedStatement ps = c.prepareStatement("EXPLAIN (ANALYZE, BUFFERS) " + q.sql())) {
                for (int i = 0; i < q.params().size(); i++) {
                    ps.setString(i + 1, q.params().get(i));
                }
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        System.out.println("  " + rs.getString(1));
                    }
                }
            }
        }
    }

    private static String cookie(HttpResponse<?> r, String name) {
        return r.headers().allValues("Set-Cookie").stream().filter(c -> c.startsWith(name + "=")).findFirst()
                .map(c -> c.substring(name.length() + 1, c.indexOf(';') < 0 ? c.length() : c.indexOf(';')))
                .orElseThrow(() -> new IllegalStateException("no " + name + " cookie: " + r.headers().map()));
    }

    private static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }
}
