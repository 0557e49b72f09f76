// One system at a time: each collection runs the AppHost, five services and a broker on two cores.
[assembly: CollectionBehavior(DisableTestParallelization = true)]
