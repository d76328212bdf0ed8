package com.crashanalytics.benchmarks;

public final class BenchmarkCli {
    public static void main(String[] args) {
        System.out.println("stub");
    }
}
