import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.PriorityQueue;
import java.util.stream.Stream;
import org.apache.lucene.analysis.core.WhitespaceAnalyzer;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.IntPoint;
import org.apache.lucene.document.NumericDocValuesField;
import org.apache.lucene.document.SortedDocValuesField;
import org.apache.lucene.document.SortedSetDocValuesField;
import org.apache.lucene.document.StringField;
import org.apache.lucene.document.TextField;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.DocValues;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.NumericDocValues;
import org.apache.lucene.index.PostingsEnum;
import org.apache.lucene.index.SortedDocValues;
import org.apache.lucene.index.SortedSetDocValues;
import org.apache.lucene.index.Term;
import org.apache.lucene.index.Terms;
import org.apache.lucene.index.TermsEnum;
import org.apache.lucene.queryparser.classic.ParseException;
import org.apache.lucene.queryparser.classic.QueryParser;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.MultiCollector;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreMode;
import org.apache.lucene.search.SimpleCollector;
import org.apache.lucene.search.Sort;
import org.apache.lucene.search.TopScoreDocCollector;
import org.apache.lucene.search.grouping.FirstPassGroupingCollector;
import org.apache.lucene.search.grouping.TermGroupSelector;
import org.apache.lucene.search.spans.SpanNearQuery;
import org.apache.lucene.search.spans.SpanQuery;
import org.apache.lucene.search.spans.SpanTermQuery;
import org.apache.lucene.util.FixedBitSet;
import org.apache.lucene.store.FSDirectory;
import org.apache.lucene.util.BytesRef;

/**
 * Lucene 8 peer for the Zhichan benchmark. Indexes the TSV the Node side wrote (our tokens, space-separated, so
 * WhitespaceAnalyzer indexes exactly our terms), then times every query and prints one JSON object on stdout:
 * ingest ms, index bytes, peak RSS, and per query the exact total, facet counts, median/p95 and every time (µs).
 *
 * TSV columns: id, ti, ab, cl, ad (yyyymmdd, 0 unknown), year (0 unknown), ipc codes, ipc subclasses, applicant ids
 * (multi-valued columns space-separated), publication number, invention key. Queries file: id TAB facet, "-" or
 * "group:invention" TAB classic QueryParser syntax, or one of the harness's own lines (parseLine): SPANNEAR for
 * proximity, LOOKUP for a batch of publication numbers.
 *
 * Usage: LuceneBench docs.tsv indexDir queries.tsv runs warmups budgetMs facetSize
 */
public final class LuceneBench {
  private static final int TOP_K = 10;
  private static final int MIN_RUNS = 5;
  private static final int WARM_ROUNDS = 3;
  private static final String GROUP_INVENTION = "group:invention";
  private static final long WARM_MIN_NS = 5_000_000_000L;
  private static final long WARM_CAP_NS = 60_000_000_000L;

  public static void main(String[] args) throws Exception {
    Path tsv = Paths.get(args[0]);
    Path indexDir = Paths.get(args[1]);
    Path queriesFile = Paths.get(args[2]);
    int runs = Integer.parseInt(args[3]);
    int warmups = Integer.parseInt(args[4]);
    long budgetNs = Long.parseLong(args[5]) * 1_000_000L;
    int facetSize = Integer.parseInt(args[6]);
    // replay mode (bench/src/replay.ts): only "warm-" queries warm up and are never timed; every other query runs
    // once, its first run timed
    boolean replay = args.length > 7 && args[7].equals("replay");

    long[] ingest = index(tsv, indexDir);
    long indexBytes = directoryBytes(indexDir);
    StringBuilder out = new StringBuilder();
    out.append("{\"docs\":").append(ingest[1]).append(",\"ingestMs\":").append(ingest[0] / 1e6);
    out.append(",\"mergeMs\":").append(ingest[2] / 1e6);
    out.append(",\"indexBytes\":").append(indexBytes).append(",\"queries\":[");
    try (DirectoryReader reader = DirectoryReader.open(FSDirectory.open(indexDir))) {
      IndexSearcher searcher = new IndexSearcher(reader);
      BenchQueryParser parser = new BenchQueryParser();
      List<String[]> lines = new ArrayList<>();
      List<Query> queries = new ArrayList<>();
      for (String line : Files.readAllLines(queriesFile, StandardCharsets.UTF_8)) {
        if (line.isEmpty()) continue;
        String[] parts = line.split("\t", 3);
        lines.add(parts);
        queries.add(parseLine(parser, parts[2]));
      }
      warmUpAll(searcher, lines, queries, replay);
      boolean firstOut = true;
      for (int i = 0; i < queries.size(); i++) {
        String[] parts = lines.get(i);
        if (parts[0].startsWith("warm-")) continue;
        String facet = parts[1].equals("-") ? null : parts[1];
        if (!firstOut) out.append(',');
        firstOut = false;
        StringBuilder one = new StringBuilder();
        try {
          if (queries.get(i) == null) throw new IllegalArgumentException("cannot parse: " + parts[2]);
          if (replay) runOnce(searcher, parts[0], queries.get(i), facet, facetSize, one);
          else runQuery(searcher, parts[0], queries.get(i), facet, facetSize, runs, warmups, budgetNs, one);
        } catch (RuntimeException | IOException e) {
          one.setLength(0);
          one.append("{\"id\":\"").append(json(parts[0])).append("\",\"total\":-1,\"facet\":null,\"timesUs\":[]");
          one.append(",\"error\":\"").append(json(String.valueOf(e))).append("\"}");
        }
        out.append(one);
      }
    }
    out.append("],\"peakRssBytes\":").append(peakRssBytes()).append('}');
    System.out.println(out);
  }

  /** A query line: SPANNEAR or LOOKUP (below), else classic syntax; null when it cannot be parsed. */
  private static Query parseLine(QueryParser parser, String text) {
    if (text.startsWith("SPANNEAR ")) return spanNear(text.split(" "));
    if (text.startsWith("LOOKUP ")) return new Lookup(text.substring("LOOKUP ".length()).split(" "));
    try {
      return parser.parse(text);
    } catch (ParseException e) {
      return null;
    }
  }

  /**
   * "SPANNEAR ordered(0|1) slop fields left right": within slop positions in any one of the fields; each side is its
   * tokens ("+"-joined) in a row, so a CJK string is its bigrams as a phrase, as in FTS5's NEAR.
   */
  private static Query spanNear(String[] p) {
    boolean ordered = p[1].equals("1");
    int slop = Integer.parseInt(p[2]);
    BooleanQuery.Builder anyField = new BooleanQuery.Builder();
    for (String field : p[3].split(",")) {
      SpanQuery[] sides = {span(field, p[4]), span(field, p[5])};
      anyField.add(new SpanNearQuery(sides, slop, ordered), BooleanClause.Occur.SHOULD);
    }
    return anyField.build();
  }

  private static SpanQuery span(String field, String tokens) {
    String[] t = tokens.split("\\+");
    if (t.length == 1) return new SpanTermQuery(new Term(field, t[0]));
    SpanQuery[] terms = new SpanQuery[t.length];
    for (int i = 0; i < t.length; i++) terms[i] = new SpanTermQuery(new Term(field, t[i]));
    return new SpanNearQuery(terms, 0, true);
  }

  /**
   * Rounds over every query before any is timed (as the Node workers do), so JIT compilation lands here: at least
   * WARM_ROUNDS rounds and at least WARM_MIN_NS.
   */
  private static void warmUpAll(IndexSearcher searcher, List<String[]> lines, List<Query> queries, boolean replay)
      throws IOException {
    if (queries.isEmpty()) return;
    long start = System.nanoTime();
    for (int round = 0; round < WARM_ROUNDS || System.nanoTime() - start < WARM_MIN_NS; round++) {
      for (int i = 0; i < queries.size(); i++) {
        if (System.nanoTime() - start > WARM_CAP_NS) return;
        if (queries.get(i) == null) continue;
        if (replay && !lines.get(i)[0].startsWith("warm-")) continue;
        String facet = lines.get(i)[1];
        TopScoreDocCollector top = TopScoreDocCollector.create(TOP_K, Integer.MAX_VALUE);
        if (queries.get(i) instanceof Lookup) {
          ((Lookup) queries.get(i)).run(searcher);
        } else if (facet.equals(GROUP_INVENTION)) {
          grouped(searcher, queries.get(i));
        } else if (facet.equals("-")) {
          searcher.search(queries.get(i), top);
          searcher.count(queries.get(i));
          searcher.search(queries.get(i), TOP_K);
        } else {
          searcher.search(queries.get(i), MultiCollector.wrap(top, new FacetCounter(facet)));
        }
      }
    }
  }

  /** Returns {nanoseconds, docs, merge nanoseconds}: reading the TSV, indexing, forceMerge(1) and commit. */
  private static long[] index(Path tsv, Path dir) throws IOException {
    IndexWriterConfig config = new IndexWriterConfig(new WhitespaceAnalyzer());
    config.setOpenMode(IndexWriterConfig.OpenMode.CREATE);
    config.setRAMBufferSizeMB(1024);
    config.setUseCompoundFile(false);
    long docs = 0;
    long start = System.nanoTime();
    long mergeStart;
    try (IndexWriter writer = new IndexWriter(FSDirectory.open(dir), config);
        BufferedReader lines = Files.newBufferedReader(tsv, StandardCharsets.UTF_8)) {
      String line;
      while ((line = lines.readLine()) != null) {
        String[] f = line.split("\t", -1);
        Document doc = new Document();
        doc.add(new TextField("ti", f[1], Field.Store.NO));
        doc.add(new TextField("ab", f[2], Field.Store.NO));
        doc.add(new TextField("cl", f[3], Field.Store.NO));
        doc.add(new IntPoint("ad", Integer.parseInt(f[4])));
        int year = Integer.parseInt(f[5]);
        if (year > 0) doc.add(new NumericDocValuesField("year", year));
        for (String code : words(f[6])) doc.add(new StringField("ipc", code, Field.Store.NO));
        for (String v : words(f[7])) doc.add(new SortedSetDocValuesField("ipc_subclass", new BytesRef(v)));
        for (String v : words(f[8])) doc.add(new SortedSetDocValuesField("applicant", new BytesRef(v)));
        if (f.length > 9 && !f[9].isEmpty()) doc.add(new StringField("pn", f[9], Field.Store.NO));
        if (f.length > 10) doc.add(new SortedDocValuesField("inv", new BytesRef(f[10])));
        writer.addDocument(doc);
        docs++;
      }
      mergeStart = System.nanoTime();
      writer.forceMerge(1);
      writer.commit();
    }
    long end = System.nanoTime();
    return new long[] {end - start, docs, end - mergeStart};
  }

  private static String[] words(String cell) {
    return cell.isEmpty() ? new String[0] : cell.split(" ");
  }

  /**
   * Times the query; without a facet, two strategies and keeps the faster (Lucene's best case):
   * "single-pass" = TopScoreDocCollector with totalHitsThreshold MAX_VALUE (exact total, no WAND skipping);
   * "count+top10" = IndexSearcher.count (O(1) for a plain term) + search(q, 10) with WAND.
   * With a facet, hits must all be visited anyway: one pass with MultiCollector(top-10, facet counter).
   */
  private static void runQuery(IndexSearcher searcher, String id, Query query, String facet, int facetSize, int runs,
      int warmups, long budgetNs, StringBuilder out) throws IOException {
    if (query instanceof Lookup || GROUP_INVENTION.equals(facet)) {
      // one strategy each: the number probes, or one grouping pass (top-10 groups + distinct inventions)
      Lookup lookup = query instanceof Lookup ? (Lookup) query : null;
      long total = lookup != null ? lookup.total(searcher) : grouped(searcher, query);
      Timed body = lookup != null ? () -> lookup.run(searcher) : () -> grouped(searcher, query);
      long[] times = time(body, runs, warmups, budgetNs);
      String mode = lookup != null ? "lookup" : "grouped";
      out.append("{\"id\":\"").append(json(id)).append("\",\"total\":").append(total);
      out.append(",\"mode\":\"").append(mode).append("\",\"facet\":null");
      out.append(",\"medianUs\":").append(median(times) / 1000.0);
      out.append(",\"p95Us\":").append(p95(times) / 1000.0);
      out.append(",\"timesUs\":[");
      for (int i = 0; i < times.length; i++) out.append(i == 0 ? "" : ",").append(times[i] / 1000.0);
      out.append("]}");
      return;
    }
    TopScoreDocCollector check = TopScoreDocCollector.create(TOP_K, Integer.MAX_VALUE);
    FacetCounter counter = facet == null ? null : new FacetCounter(facet);
    searcher.search(query, counter == null ? check : MultiCollector.wrap(check, counter));
    long total = check.topDocs().totalHits.value;
    Map<String, Integer> buckets = counter == null ? null : counter.allBuckets();

    Timed single = () -> {
      TopScoreDocCollector top = TopScoreDocCollector.create(TOP_K, Integer.MAX_VALUE);
      if (facet == null) {
        searcher.search(query, top);
      } else {
        FacetCounter fc = new FacetCounter(facet);
        searcher.search(query, MultiCollector.wrap(top, fc));
        fc.topBuckets(facetSize);
      }
      top.topDocs();
    };
    long[] times = time(single, runs, warmups, budgetNs);
    String mode = "single-pass";
    if (facet == null) {
      Timed countThenTop = () -> {
        searcher.count(query);
        searcher.search(query, TOP_K);
      };
      long[] other = time(countThenTop, runs, warmups, budgetNs);
      if (median(other) < median(times)) {
        times = other;
        mode = "count+top10";
      }
    }
    out.append("{\"id\":\"").append(json(id)).append("\",\"total\":").append(total).append(",\"mode\":\"").append(mode);
    out.append("\",\"facet\":");
    appendBuckets(buckets, out);
    out.append(",\"medianUs\":").append(median(times) / 1000.0);
    out.append(",\"p95Us\":").append(p95(times) / 1000.0);
    out.append(",\"timesUs\":[");
    for (int i = 0; i < times.length; i++) out.append(i == 0 ? "" : ",").append(times[i] / 1000.0);
    out.append("]}");
  }

  /**
   * Replay mode: the query's first run is timed. Without a facet Lucene gets the faster of its two strategies, the
   * second run right after the first (so it finds the postings the first one read: this favours Lucene).
   */
  private static void runOnce(IndexSearcher searcher, String id, Query query, String facet, int facetSize,
      StringBuilder out) throws IOException {
    if (query instanceof Lookup || GROUP_INVENTION.equals(facet)) {
      long t0 = System.nanoTime();
      long total = query instanceof Lookup ? ((Lookup) query).total(searcher) : grouped(searcher, query);
      long time = System.nanoTime() - t0;
      out.append("{\"id\":\"").append(json(id)).append("\",\"total\":").append(total);
      out.append(",\"facet\":null,\"timesUs\":[").append(time / 1000.0).append("]}");
      return;
    }
    long t0 = System.nanoTime();
    TopScoreDocCollector top = TopScoreDocCollector.create(TOP_K, Integer.MAX_VALUE);
    FacetCounter counter = facet == null ? null : new FacetCounter(facet);
    searcher.search(query, counter == null ? top : MultiCollector.wrap(top, counter));
    if (counter != null) counter.topBuckets(facetSize);
    long total = top.topDocs().totalHits.value;
    long time = System.nanoTime() - t0;
    String mode = "single-pass";
    if (facet == null) {
      long t1 = System.nanoTime();
      searcher.count(query);
      searcher.search(query, TOP_K);
      long other = System.nanoTime() - t1;
      if (other < time) {
        time = other;
        mode = "count+top10";
      }
    }
    Map<String, Integer> buckets = counter == null ? null : counter.allBuckets();
    out.append("{\"id\":\"").append(json(id)).append("\",\"total\":").append(total).append(",\"mode\":\"").append(mode);
    out.append("\",\"facet\":");
    appendBuckets(buckets, out);
    out.append(",\"timesUs\":[").append(time / 1000.0).append("]}");
  }

  private static void appendBuckets(Map<String, Integer> buckets, StringBuilder out) {
    if (buckets == null) {
      out.append("null");
      return;
    }
    out.append('{');
    boolean first = true;
    for (Map.Entry<String, Integer> e : buckets.entrySet()) {
      if (!first) out.append(',');
      first = false;
      out.append('"').append(json(e.getKey())).append("\":").append(e.getValue());
    }
    out.append('}');
  }

  private interface Timed {
    void run() throws IOException;
  }

  private static long[] time(Timed body, int runs, int warmups, long budgetNs) throws IOException {
    long warmStart = System.nanoTime();
    for (int i = 0; i < warmups && System.nanoTime() - warmStart < budgetNs / 4; i++) body.run();
    List<Long> times = new ArrayList<>();
    long start = System.nanoTime();
    while (times.size() < runs && (times.size() < MIN_RUNS || System.nanoTime() - start < budgetNs)) {
      long t0 = System.nanoTime();
      body.run();
      times.add(System.nanoTime() - t0);
    }
    return times.stream().mapToLong(Long::longValue).toArray();
  }

  private static double median(long[] values) {
    long[] sorted = values.clone();
    Arrays.sort(sorted);
    int mid = sorted.length / 2;
    return sorted.length % 2 == 1 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2.0;
  }

  /** Nearest-rank 95th percentile. */
  private static long p95(long[] values) {
    long[] sorted = values.clone();
    Arrays.sort(sorted);
    return sorted[Math.max(0, (int) Math.ceil(0.95 * sorted.length) - 1)];
  }

  /** Counts doc values of the hits into arrays: numeric "year" by value, sorted-set fields by ordinal per leaf. */
  private static final class FacetCounter extends SimpleCollector {
    private final String field;
    private final boolean numeric;
    private final int[] yearCounts;
    private final List<SortedSetDocValues> leafValues = new ArrayList<>();
    private final List<int[]> leafCounts = new ArrayList<>();
    private NumericDocValues years;
    private SortedSetDocValues values;
    private int[] counts;

    FacetCounter(String field) {
      this.field = field;
      this.numeric = field.equals("year");
      this.yearCounts = numeric ? new int[10000] : new int[0];
    }

    @Override
    protected void doSetNextReader(LeafReaderContext context) throws IOException {
      if (numeric) {
        years = DocValues.getNumeric(context.reader(), field);
      } else {
        values = DocValues.getSortedSet(context.reader(), field);
        counts = new int[(int) values.getValueCount()];
        leafValues.add(DocValues.getSortedSet(context.reader(), field)); // a second instance for lookupOrd
        leafCounts.add(counts);
      }
    }

    @Override
    public void collect(int doc) throws IOException {
      if (numeric) {
        if (years.advanceExact(doc)) yearCounts[(int) years.longValue()]++;
      } else if (values.advanceExact(doc)) {
        for (long ord = values.nextOrd(); ord != SortedSetDocValues.NO_MORE_ORDS; ord = values.nextOrd()) {
          counts[(int) ord]++;
        }
      }
    }

    @Override
    public ScoreMode scoreMode() {
      return ScoreMode.COMPLETE_NO_SCORES;
    }

    /** The facetSize largest buckets (value strings resolved only for those). */
    List<String> topBuckets(int size) throws IOException {
      PriorityQueue<long[]> heap = new PriorityQueue<>((a, b) -> Long.compare(a[0], b[0]));
      if (numeric) {
        for (int y = 0; y < yearCounts.length; y++) offer(heap, size, yearCounts[y], 0, y);
      } else {
        for (int leaf = 0; leaf < leafCounts.size(); leaf++) {
          int[] c = leafCounts.get(leaf);
          for (int ord = 0; ord < c.length; ord++) offer(heap, size, c[ord], leaf, ord);
        }
      }
      List<String> top = new ArrayList<>();
      for (long[] e : heap) {
        top.add(numeric ? Long.toString(e[2]) : leafValues.get((int) e[1]).lookupOrd(e[2]).utf8ToString());
      }
      return top;
    }

    private static void offer(PriorityQueue<long[]> heap, int size, int count, int leaf, long key) {
      if (count == 0) return;
      if (heap.size() < size) heap.add(new long[] {count, leaf, key});
      else if (heap.peek()[0] < count) {
        heap.poll();
        heap.add(new long[] {count, leaf, key});
      }
    }

    /** Every non-zero bucket, for the correctness gate (summed over leaves by value). */
    Map<String, Integer> allBuckets() throws IOException {
      Map<String, Integer> out = new LinkedHashMap<>();
      if (numeric) {
        for (int y = 0; y < yearCounts.length; y++) if (yearCounts[y] > 0) out.put(Integer.toString(y), yearCounts[y]);
        return out;
      }
      for (int leaf = 0; leaf < leafCounts.size(); leaf++) {
        int[] c = leafCounts.get(leaf);
        for (int ord = 0; ord < c.length; ord++) {
          if (c[ord] > 0) out.merge(leafValues.get(leaf).lookupOrd(ord).utf8ToString(), c[ord], Integer::sum);
        }
      }
      return out;
    }
  }

  /**
   * group=invention: one pass collecting the top-10 inventions by their best hit's score (Lucene's grouping module,
   * a group per "inv" doc value) and the distinct inventions among the hits (a bit per ordinal); returns the latter.
   */
  private static long grouped(IndexSearcher searcher, Query query) throws IOException {
    FirstPassGroupingCollector<BytesRef> top =
        new FirstPassGroupingCollector<>(new TermGroupSelector("inv"), Sort.RELEVANCE, TOP_K);
    DistinctInventions distinct = new DistinctInventions();
    searcher.search(query, MultiCollector.wrap(top, distinct));
    top.getTopGroups(0);
    return distinct.count();
  }

  /** Distinct "inv" values of the hits: a bit set over each leaf's ordinals (one leaf after forceMerge(1)). */
  private static final class DistinctInventions extends SimpleCollector {
    private final List<SortedDocValues> leafValues = new ArrayList<>();
    private final List<FixedBitSet> leafSeen = new ArrayList<>();
    private SortedDocValues values;
    private FixedBitSet seen;

    @Override
    protected void doSetNextReader(LeafReaderContext context) throws IOException {
      values = DocValues.getSorted(context.reader(), "inv");
      seen = new FixedBitSet(Math.max(1, values.getValueCount()));
      leafValues.add(DocValues.getSorted(context.reader(), "inv")); // a second instance for lookupOrd
      leafSeen.add(seen);
    }

    @Override
    public void collect(int doc) throws IOException {
      if (values.advanceExact(doc)) seen.set(values.ordValue());
    }

    @Override
    public ScoreMode scoreMode() {
      return ScoreMode.COMPLETE_NO_SCORES;
    }

    long count() throws IOException {
      if (leafSeen.size() == 1) return leafSeen.get(0).cardinality();
      java.util.Set<BytesRef> keys = new java.util.HashSet<>();
      for (int leaf = 0; leaf < leafSeen.size(); leaf++) {
        FixedBitSet bits = leafSeen.get(leaf);
        for (int ord = bits.nextSetBit(0); ord != org.apache.lucene.search.DocIdSetIterator.NO_MORE_DOCS;
            ord = ord + 1 < bits.length() ? bits.nextSetBit(ord + 1) : org.apache.lucene.search.DocIdSetIterator.NO_MORE_DOCS) {
          keys.add(BytesRef.deepCopyOf(leafValues.get(leaf).lookupOrd(ord)));
        }
      }
      return keys.size();
    }
  }

  /**
   * Batch lookup of publication numbers: per number, one seek in each leaf's "pn" terms and its postings (as FTS5
   * probes its number table once per number); the result is every number's doc ids. Not a real Query: runQuery
   * and the warm-up call it directly.
   */
  private static final class Lookup extends Query {
    private final BytesRef[] numbers;

    Lookup(String[] numbers) {
      this.numbers = new BytesRef[numbers.length];
      for (int i = 0; i < numbers.length; i++) this.numbers[i] = new BytesRef(numbers[i]);
    }

    int[][] run(IndexSearcher searcher) throws IOException {
      int[][] out = new int[numbers.length][];
      List<LeafReaderContext> leaves = searcher.getIndexReader().leaves();
      TermsEnum[] enums = new TermsEnum[leaves.size()];
      for (int l = 0; l < leaves.size(); l++) {
        Terms terms = leaves.get(l).reader().terms("pn");
        enums[l] = terms == null ? null : terms.iterator();
      }
      PostingsEnum postings = null;
      for (int i = 0; i < numbers.length; i++) {
        int[] docs = new int[0];
        for (int l = 0; l < leaves.size(); l++) {
          if (enums[l] == null || !enums[l].seekExact(numbers[i])) continue;
          postings = enums[l].postings(postings, PostingsEnum.NONE);
          for (int d = postings.nextDoc(); d != PostingsEnum.NO_MORE_DOCS; d = postings.nextDoc()) {
            docs = Arrays.copyOf(docs, docs.length + 1);
            docs[docs.length - 1] = leaves.get(l).docBase + d;
          }
        }
        out[i] = docs;
      }
      return out;
    }

    long total(IndexSearcher searcher) throws IOException {
      return Arrays.stream(run(searcher)).flatMapToInt(Arrays::stream).distinct().count();
    }

    @Override
    public String toString(String field) {
      return "LOOKUP of " + numbers.length + " numbers";
    }

    @Override
    public boolean equals(Object other) {
      return other == this;
    }

    @Override
    public int hashCode() {
      return System.identityHashCode(this);
    }
  }

  /** Classic syntax, plus ad:[a TO b] as an IntPoint range (the classic parser would make a term range). */
  private static final class BenchQueryParser extends QueryParser {
    BenchQueryParser() {
      super("ti", new WhitespaceAnalyzer());
    }

    @Override
    protected Query getRangeQuery(String field, String part1, String part2, boolean startInclusive,
        boolean endInclusive) throws ParseException {
      if (field.equals("ad")) {
        return IntPoint.newRangeQuery("ad", Integer.parseInt(part1), Integer.parseInt(part2));
      }
      return super.getRangeQuery(field, part1, part2, startInclusive, endInclusive);
    }
  }

  private static long directoryBytes(Path dir) throws IOException {
    try (Stream<Path> files = Files.list(dir)) {
      return files.mapToLong(p -> p.toFile().length()).sum();
    }
  }

  /** VmHWM: the JVM process's peak resident set. */
  private static long peakRssBytes() throws IOException {
    for (String line : Files.readAllLines(Paths.get("/proc/self/status"))) {
      if (line.startsWith("VmHWM:")) return Long.parseLong(line.replaceAll("[^0-9]", "")) * 1024;
    }
    return -1;
  }

  private static String json(String s) {
    return s.replace("\\", "\\\\").replace("\"", "\\\"").replace("\n", " ").replace("\t", " ");
  }
}
