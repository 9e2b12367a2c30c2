package dev.alive.engine;

class InMemoryStateStoreContractTest extends StateStoreContract {

    @Override
    protected StateStore createStore() {
        return new InMemoryStateStore();
    }
}
