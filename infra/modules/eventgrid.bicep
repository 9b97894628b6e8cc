// Event Grid feeding the blob trigger (the only blob trigger source on Flex Consumption). The webhook
// key exists only once the code is deployed, so this is the second deployment step.
param name string
param location string
param tags object
param storageAccountName string
param functionAppName string
param logsContainerName string

resource storage 'Microsoft.Storage/storageAccounts@2023-05-01' existing = {
  name: storageAccountName
}

resource site 'Microsoft.Web/sites@2024-04-01' existing = {
  name: functionAppName
}

resource topic 'Microsoft.EventGrid/systemTopics@2022-06-15' = {
  name: name
  location: location
  tags: tags
  properties: {
    source: storage.id
    topicType: 'Microsoft.Storage.StorageAccounts'
  }
}

resource subscription 'Microsoft.EventGrid/systemTopics/eventSubscriptions@2022-06-15' = {
  parent: topic
  name: 'blob-drops'
  properties: {
    destination: {
      endpointType: 'WebHook'
      properties: {
        endpointUrl: 'https://${site.properties.defaultHostName}/runtime/webhooks/blobs?functionName=Host.Functions.BlobDropTrigger&code=${listKeys('${site.id}/host/default', '2022-03-01').systemKeys.blobs_extension}'
      }
    }
    filter: {
      includedEventTypes: ['Microsoft.Storage.BlobCreated']
      subjectBeginsWith: '/blobServices/default/containers/${logsContainerName}/'
      // One event per finished blob, not per chunk (chunked uploads emit several).
      advancedFilters: [
        {
          operatorType: 'StringIn'
          key: 'data.api'
          values: ['PutBlob', 'PutBlockList', 'CopyBlob', 'FlushWithClose']
        }
      ]
    }
    eventDeliverySchema: 'EventGridSchema'
  }
}
